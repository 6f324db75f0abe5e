// The five considerations of the Basisdocument as plain if/else: the hand-written limit the
// rule engine is measured against. Same semantics as the floor rules (unknown is never "no"),
// no trail, no citations, no validation.
type Outcome = 'close-and-record' | 'report' | 'report-and-help' | 'help' | 'needs-input';

const unsafetyCodes = new Set([
  'acute-injury-needing-treatment', 'acute-inflicted-injury', 'acute-strangulation-attempt', 'acute-weapon-use',
  'acute-violence-during-pregnancy', 'acute-sexual-abuse', 'acute-threat-to-kill-or-harm', 'acute-withholding-care',
  'acute-fabricated-illness', 'acute-perpetrator-restriction-ending', 'acute-care-falls-away', 'acute-forced-flight',
  'structural-physical-violence', 'structural-psychological-violence', 'structural-physical-neglect',
  'structural-emotional-neglect', 'structural-sexual-violence', 'structural-other',
  // The repetition norm (001 ch. 4), a floor example since issue 14 ruling C.
  'structural-repeated-serious-unsafe-events',
]);
const parentCodes = new Set(['parent-partner-violence-acute-care', 'parent-intoxication', 'parent-suicide-attempt', 'parent-self-harm']);

export function handWritten(c: Record<string, any>): { outcome: Outcome; norms: number[] } {
  const k = c.considerations ?? {};
  const u = k.unsafety ?? {};
  const ind: Record<string, boolean> = k.indicators ?? {};
  const h = k.help ?? {};
  if (k.suspicion === false) return { outcome: 'close-and-record', norms: [] };
  if (k.suspicion !== true) return { outcome: 'needs-input', norms: [] };
  const yes = (set: Set<string>) => Object.keys(ind).some((code) => set.has(code) && ind[code] === true);
  const parent = yes(parentCodes);
  // A serious parent factor counts for a client who cares for minor children or is pregnant (issue 14 ruling C).
  const parentOfChild = c.client?.caresForMinor === true || c.client?.pregnant === true;
  const parentOpen = !parentOfChild && (c.client?.caresForMinor === undefined || c.client?.pregnant === undefined);
  const indicated = u.acute === true || u.structural === true || u.disclosure === true || yes(unsafetyCodes) || (parent && parentOfChild);
  const able = h.canOffer === true && h.safetyPicture === true && h.history === true && h.fittingHelp === true;
  const unable = h.canOffer === false || h.safetyPicture === false || h.history === false || h.fittingHelp === false;
  if (indicated) {
    const norm3 = able && k.helpAccepted === true && k.helpReachesSafety === false;
    const alongside = able && k.helpAccepted === true && k.helpReachesSafety !== false;
    return { outcome: alongside ? 'report-and-help' : 'report', norms: norm3 ? [1, 3] : [1] };
  }
  // Help that was offered and accepted but does not reach safety is norm 3, whatever afweging 2 says.
  if (able && k.helpAccepted === true && k.helpReachesSafety === false) return { outcome: 'report', norms: [3] };
  const ruledOut = u.acute === false && u.structural === false && u.disclosure === false && !(parent && parentOpen);
  if (!ruledOut) return { outcome: 'needs-input', norms: [] };
  if (unable) return { outcome: 'report', norms: [2] };
  if (!able) return { outcome: 'needs-input', norms: [] };
  if (k.helpAccepted === false) return { outcome: 'report', norms: [] };
  if (k.helpAccepted !== true) return { outcome: 'needs-input', norms: [] };
  if (k.helpReachesSafety === true) return { outcome: 'help', norms: [] };
  return { outcome: 'needs-input', norms: [] };
}
