// Golden cases: every path through the five considerations of the Basisdocument (ch. 2-3).
import { describe, expect, it } from 'vitest';
import { type CaseInput, evaluate, MeldcodeInputError } from '../src/index.js';
import { thrown } from './support/throws.js';

// The scope questions come first in every decision while unanswered (issue 14 ruling B, checked in
// test/scope.test.ts and test/decision-consistency.test.ts); these cases are about what follows them.
const notScope = (q: { id: string }) => !q.id.startsWith('scope.');

const DATE = { evaluationDate: '2026-11-23' };
const noUnsafety = { acute: false, structural: false, disclosure: false };
const ableToHelp = { canOffer: true, safetyPicture: true, history: true, fittingHelp: true };

function run(c: CaseInput) {
  return evaluate(c, DATE);
}
const firedIds = (d: ReturnType<typeof run>) => d.trail.filter((e) => e.outcome).map((e) => e.ruleId);

describe('afweging 1: suspicion', () => {
  it('no suspicion closes the meldcode and records the conclusion', () => {
    const d = run({ considerations: { suspicion: false } });
    expect(d.outcome).toBe('close-and-record');
    expect(d.report.necessary).toBe(false);
    expect(firedIds(d)).toContain('afweging-1-nee');
    expect(d.actions.map((a) => a.id)).toContain('restart-on-new-signals');
  });

  // Issue 14 finding 3: a "no" to afweging 1 beside a sign of acute or structural unsafety would
  // close a norm-1 case silently; 001 ch. 3 asks afweging 2 only after a suspicion ("Wanneer een
  // beroepskracht … een vermoeden heeft … volgt de tweede afwegingsvraag"). It is an input error
  // naming both answers, as an indicator beside a direct "no" to its unsafety is.
  it.each([
    ['a direct yes to acute unsafety', { considerations: { suspicion: false, unsafety: { acute: true } } }, 'considerations.unsafety.acute'],
    ['an acute example', { considerations: { suspicion: false, indicators: { 'acute-weapon-use': true } } }, 'considerations.indicators.acute-weapon-use'],
    [
      'a serious parent factor of a client who cares for minor children',
      { client: { caresForMinor: true }, considerations: { suspicion: false, indicators: { 'parent-intoxication': true } } },
      'considerations.indicators.parent-intoxication',
    ],
    // Ruling C: the serious parent factors are floor examples for a pregnant client too.
    [
      'a serious parent factor of a pregnant client',
      { client: { pregnant: true }, considerations: { suspicion: false, indicators: { 'parent-intoxication': true } } },
      'considerations.indicators.parent-intoxication',
    ],
  ])('no suspicion beside %s is an input error naming both answers', (_, input, path) => {
    const error = thrown(() => run(input as CaseInput));
    expect(error).toBeInstanceOf(MeldcodeInputError);
    const issues = (error as MeldcodeInputError).issues;
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([[path, 'contradiction']]);
    expect(issues[0]!.message.nl).toContain('considerations.suspicion');
    expect(issues[0]!.message.en).toContain('considerations.suspicion');
  });

  it('no suspicion beside a parent factor of a client without minor children, or a "no" to unsafety, closes', () => {
    expect(run({ client: { caresForMinor: false }, considerations: { suspicion: false, indicators: { 'parent-intoxication': true } } }).outcome).toBe('close-and-record');
    expect(run({ considerations: { suspicion: false, unsafety: { acute: false }, indicators: { 'acute-weapon-use': false } } }).outcome).toBe('close-and-record');
  });

  it('an empty case asks afweging 1 first, and advises asking Veilig Thuis', () => {
    const d = run({});
    expect(d.outcome).toBe('needs-input');
    expect(d.nextQuestions.filter(notScope).map((q) => q.id)).toEqual(['considerations.suspicion']);
    expect(d.actions.map((a) => a.id)).toContain('ask-veilig-thuis-advice');
  });
});

// Issue 14 finding 2 (ruling C). 000 Bijlage 2, Acute onveiligheid, asks of a disclosure: "Gaat
// het over een situatie in het verleden of over een actuele situatie? Is het kind of de
// zorgafhankelijke volwassene nu veilig?" A disclosure about a current situation is acute
// unsafety (norm 1); about the past, with the victim safe now, afweging 2 is the professional's.
describe('disclosure: current or past', () => {
  const disclosure = { suspicion: true, unsafety: { disclosure: true } } as const;
  it('unanswered, the disclosure counts as acute unsafety (norm 1), and the question is asked', () => {
    const d = run({ considerations: disclosure });
    expect(d.outcome).toBe('report');
    expect(d.report.norms).toEqual([1]);
    expect(d.nextQuestions.filter(notScope).map((q) => q.id)).toContain('considerations.disclosurePastAndSafeNow');
  });
  it('about a current situation (or the victim not safe now): norm 1', () => {
    expect(run({ considerations: { ...disclosure, disclosurePastAndSafeNow: false } }).report.norms).toEqual([1]);
  });
  it('about the past with the victim safe now: afweging 2 is asked, and answered no it goes on to afweging 3', () => {
    const asked = run({ considerations: { ...disclosure, disclosurePastAndSafeNow: true } });
    expect(asked.outcome).toBe('needs-input');
    expect(asked.nextQuestions.filter(notScope).map((q) => q.id)).toEqual(['considerations.unsafety.acute', 'considerations.unsafety.structural']);
    const on = run({ considerations: { ...disclosure, disclosurePastAndSafeNow: true, unsafety: { disclosure: true, acute: false, structural: false } } });
    expect(on.report.necessary).not.toBe(true);
    expect(firedIds(on)).toContain('afweging-2-nee');
    // Acute unsafety answered yes still reports.
    expect(run({ considerations: { ...disclosure, disclosurePastAndSafeNow: true, unsafety: { disclosure: true, acute: true } } }).report.norms).toEqual([1]);
  });
  it('the same for a framework’s disclosure indicators (sociaal-domein)', () => {
    const c = { suspicion: true, unsafety: { acute: false, structural: false }, indicators: { 'disclosure-statement': true } };
    const current = evaluate({ considerations: c }, { ...DATE, framework: 'sociaal-domein' });
    expect(current.report.norms).toEqual([1]);
    const past = evaluate({ considerations: { ...c, disclosurePastAndSafeNow: true } }, { ...DATE, framework: 'sociaal-domein' });
    expect(past.report.norms).not.toContain(1);
  });
});

describe('afweging 2: acute or structural unsafety (norm 1)', () => {
  for (const key of ['acute', 'structural', 'disclosure'] as const) {
    it(`${key} unsafety answered yes: report under norm 1`, () => {
      const d = run({ considerations: { suspicion: true, unsafety: { [key]: true } } });
      expect(d.outcome).toBe('report');
      expect(d.report).toMatchObject({ necessary: true, norms: [1], considerations: [2] });
      expect(d.help).toMatchObject({ possible: null, togetherWithVeiligThuis: true });
      expect(firedIds(d)).toContain('afwegingen-3-tot-5-met-veilig-thuis');
    });
  }

  it('an acute indicator answered yes is itself a reason, with the direct acute question unanswered', () => {
    const d = run({
      considerations: {
        suspicion: true,
        unsafety: { structural: false, disclosure: false },
        indicators: { 'acute-strangulation-attempt': true },
      },
    });
    expect(d.outcome).toBe('report');
    expect(firedIds(d)).toEqual(expect.arrayContaining(['indicator-acute-strangulation-attempt', 'afweging-2-ja-norm-1']));
  });

  it('a structural indicator answered yes reports under norm 1', () => {
    const d = run({ considerations: { suspicion: true, indicators: { 'structural-physical-neglect': true } } });
    expect(d.report.norms).toEqual([1]);
  });

  it('indicators answered no do not rule unsafety out: the direct question is still asked', () => {
    const d = run({
      considerations: { suspicion: true, indicators: { 'acute-weapon-use': false, 'structural-other': false } },
    });
    expect(d.outcome).toBe('needs-input');
    expect(d.nextQuestions.filter(notScope).map((q) => q.id)).toEqual([
      'considerations.unsafety.acute',
      'considerations.unsafety.structural',
      'considerations.unsafety.disclosure',
    ]);
  });

  it('asks only the afweging 2 questions still unknown', () => {
    const d = run({ considerations: { suspicion: true, unsafety: { acute: false } } });
    expect(d.nextQuestions.filter(notScope).map((q) => q.id)).toEqual([
      'considerations.unsafety.structural',
      'considerations.unsafety.disclosure',
    ]);
  });

  it('disclosure asks to coordinate the next steps with Veilig Thuis and the victim', () => {
    const d = run({ considerations: { suspicion: true, unsafety: { disclosure: true } } });
    expect(d.actions.map((a) => a.id)).toContain('coordinate-disclosure');
  });

  it('report and help: norm 1 with help possible and accepted', () => {
    const d = run({
      considerations: { suspicion: true, unsafety: { structural: true }, help: ableToHelp, helpAccepted: true },
    });
    expect(d.outcome).toBe('report-and-help');
    expect(d.help).toMatchObject({ possible: true, togetherWithVeiligThuis: true, stage: 'alongside-report' });
  });

  it('after a norm-1 report, unanswered considerations 3-5 are no reason to ask for input', () => {
    const d = run({ considerations: { suspicion: true, unsafety: { acute: true } } });
    expect(d.nextQuestions.filter(notScope)).toEqual([]);
  });
});

describe('serious parent factors (Basisdocument ch. 4, Oudersignalen)', () => {
  it('a parent factor with children at home reports under norm 1', () => {
    const d = run({
      client: { caresForMinor: true },
      considerations: { suspicion: true, unsafety: noUnsafety, indicators: { 'parent-suicide-attempt': true } },
    });
    expect(d.outcome).toBe('report');
    expect(d.report.norms).toEqual([1]);
  });

  it('a parent factor with unknown children asks whether the client cares for children', () => {
    const d = run({
      considerations: { suspicion: true, unsafety: noUnsafety, indicators: { 'parent-self-harm': true } },
    });
    expect(d.outcome).toBe('needs-input');
    expect(d.nextQuestions.filter(notScope).map((q) => q.id)).toEqual(['client.caresForMinor', 'client.pregnant']);
  });

  it('a parent factor without children and not pregnant leaves afweging 2 to the direct answers', () => {
    const d = run({
      client: { caresForMinor: false, pregnant: false },
      considerations: { suspicion: true, unsafety: noUnsafety, indicators: { 'parent-intoxication': true } },
    });
    expect(firedIds(d)).toContain('afweging-2-nee');
  });

  it('ruling C: a parent factor of a pregnant client is a floor example: norm 1 (DESIGN §6.3; 001 ch. 4 Oudersignalen)', () => {
    const d = run({
      client: { caresForMinor: false, pregnant: true },
      considerations: { suspicion: true, unsafety: noUnsafety, indicators: { 'parent-suicide-attempt': true } },
    });
    expect(d.report).toMatchObject({ necessary: true, norms: [1] });
    // Without children the pregnancy is still unknown: asked, never read as no.
    const open = run({ client: { caresForMinor: false }, considerations: { suspicion: true, unsafety: noUnsafety, indicators: { 'parent-suicide-attempt': true } } });
    expect(open.outcome).toBe('needs-input');
    expect(open.nextQuestions.filter(notScope).map((q) => q.id)).toEqual(['client.pregnant']);
  });
});

describe('afweging 3: effective help (norm 2)', () => {
  it('cannot offer effective help: report under norm 2', () => {
    const d = run({ considerations: { suspicion: true, unsafety: noUnsafety, help: { canOffer: false } } });
    expect(d.outcome).toBe('report');
    expect(d.report).toMatchObject({ norms: [2], considerations: [3] });
    expect(d.help.possible).toBe(false);
  });

  for (const ground of ['safetyPicture', 'history', 'fittingHelp'] as const) {
    it(`insufficient ${ground} is enough for norm 2, even with canOffer yes`, () => {
      const d = run({
        considerations: { suspicion: true, unsafety: noUnsafety, help: { ...ableToHelp, [ground]: false } },
      });
      expect(d.report.norms).toEqual([2]);
    });
  }

  it('yes to afweging 3 needs all three conditions confirmed', () => {
    const d = run({ considerations: { suspicion: true, unsafety: noUnsafety, help: { canOffer: true } } });
    expect(d.outcome).toBe('needs-input');
    expect(d.nextQuestions.filter(notScope).map((q) => q.id)).toEqual([
      'considerations.help.safetyPicture',
      'considerations.help.history',
      'considerations.help.fittingHelp',
    ]);
  });
});

describe('afweging 4: help accepted', () => {
  // Issue 14 finding 9. 001 ch. 2, norm 2: "… de betrokkenen de hulp niet aanvaarden of niet
  // bereid of in staat zijn zich in te zetten om herhaling te voorkomen."
  it('"niet bereid of in staat": the question and the report say that unable counts as no', () => {
    const asked = run({ considerations: { suspicion: true, unsafety: noUnsafety, help: ableToHelp } });
    const question = asked.nextQuestions.find((q) => q.id === 'considerations.helpAccepted');
    expect(question?.help?.nl).toMatch(/niet in staat/);
    const d = run({ considerations: { suspicion: true, unsafety: noUnsafety, help: ableToHelp, helpAccepted: false } });
    const entry = d.trail.find((e) => e.ruleId === 'afweging-4-nee')!;
    expect(entry.explanation).toMatch(/niet bereid of niet in staat/);
    expect(entry.source.quote).toMatch(/niet bereid of in staat/);
  });

  it('help refused: report (afweging 4)', () => {
    const d = run({
      considerations: { suspicion: true, unsafety: noUnsafety, help: ableToHelp, helpAccepted: false },
    });
    expect(d.outcome).toBe('report');
    expect(d.report).toMatchObject({ necessary: true, norms: [], considerations: [4] });
  });

  it('unknown acceptance asks afweging 4', () => {
    const d = run({ considerations: { suspicion: true, unsafety: noUnsafety, help: ableToHelp } });
    expect(d.nextQuestions.filter(notScope).map((q) => q.id)).toEqual(['considerations.helpAccepted']);
  });
});

describe('afweging 5: help reaches safety (norm 3)', () => {
  const accepted = { suspicion: true, unsafety: noUnsafety, help: ableToHelp, helpAccepted: true };

  // 001 ch. 3, Afweging 4: "Ja: Hulpbieden of organiseren, ga verder met afweging 5." Afweging 5
  // asks whether the help reaches safety "binnen de gewenste termijn": after that term, not now.
  it('help accepted, result not yet known: the outcome is help (offer it now); afweging 5 after the agreed term', () => {
    const d = run({ considerations: accepted });
    expect(d.outcome).toBe('help');
    expect(d.help).toMatchObject({ possible: true, stage: 'offer' });
    // Not decided yet: afweging 5 may still make reporting the norm (norm 3), so never "no report".
    expect(d.report.necessary).toBeNull();
    expect(d.nextQuestions.filter(notScope)).toEqual([]);
    const later = d.actions.find((a) => a.id === 'answer-consideration-5-after-term');
    expect(later?.source.quote).toMatch(/binnen de gewenste termijn/);
    expect(d.recordKeeping.because).toContain('help');
  });

  it('help does not reach safety: report (again) under norm 3', () => {
    const d = run({ considerations: { ...accepted, helpReachesSafety: false } });
    expect(d.outcome).toBe('report');
    expect(d.report).toMatchObject({ norms: [3], considerations: [5] });
    expect(d.actions.map((a) => a.id)).toContain('keep-following');
  });

  it('help reaches safety: close the help with agreements, no report', () => {
    const d = run({ considerations: { ...accepted, helpReachesSafety: true } });
    expect(d.outcome).toBe('help');
    expect(d.report.necessary).toBe(false);
    expect(d.help.stage).toBe('close-with-agreements');
    // The floor norms that did not apply explain why reporting is not necessary.
    const notApplied = d.trail.filter((e) => !e.outcome).map((e) => e.ruleId);
    expect(notApplied).toEqual(['afweging-2-ja-norm-1', 'afweging-3-nee-norm-2', 'afweging-4-nee', 'afweging-5-nee-norm-3']);
  });
});

describe('notes', () => {
  it('absence of child signals never rules out structural unsafety', () => {
    const d = run({ considerations: { suspicion: true, childSignals: false } });
    expect(firedIds(d)).toContain('geen-kindsignalen-sluit-niets-uit');
    expect(d.outcome).toBe('needs-input');
  });
});

describe('norm 3 does not wait for afweging 2', () => {
  it('help offered, accepted and failing is a report even while afweging 2 is unanswered', () => {
    const d = run({
      considerations: { suspicion: true, help: ableToHelp, helpAccepted: true, helpReachesSafety: false },
    });
    expect(d.outcome).toBe('report');
    expect(d.report.norms).toEqual([3]);
    // Afweging 2 is still worth answering: it may add norm 1.
    expect(d.nextQuestions.filter(notScope).map((q) => q.id)).toContain('considerations.unsafety.acute');
  });
});
