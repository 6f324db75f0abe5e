// A small structural check of the FHIR R4 (4.0.1) resources this library writes: required
// elements, cardinalities, the value sets used and the Questionnaire invariants that apply.
// Written from the R4 definitions (hl7.org/fhir/R4), independently of src/fhir.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** R4 value set `publication-status`. */
const publicationStatus = ['draft', 'active', 'retired', 'unknown'];
/** R4 value set `item-type`. */
const itemTypes = ['group', 'display', 'boolean', 'decimal', 'integer', 'date', 'dateTime', 'time', 'string', 'text', 'url', 'choice', 'open-choice', 'attachment', 'reference', 'quantity'];
/** R4 value set `questionnaire-enable-operator`. */
const enableOperators = ['exists', '=', '!=', '>', '<', '>=', '<='];
/** R4 value set `questionnaire-enable-behavior`. */
const enableBehaviors = ['all', 'any'];
/** R4 value set `guidance-response-status`. */
const guidanceStatus = ['success', 'data-requested', 'data-required', 'in-progress', 'failure', 'entered-in-error'];
/** CDS Hooks 2.0 card indicators. */
const cardIndicators = ['info', 'warning', 'critical'];
/** R4 `id`: 1-64 of A-Z a-z 0-9 - . */
const idPattern = /^[A-Za-z0-9\-.]{1,64}$/;

const valueKeys = (o: Json, prefix: string) => Object.keys(o).filter((k) => k.startsWith(prefix) && k.length > prefix.length && /[A-Z]/.test(k[prefix.length] ?? ''));

/** Every problem with a Questionnaire, as `path: message`. */
export function questionnaireProblems(q: unknown): string[] {
  const out: string[] = [];
  if (!isObject(q)) return ['not an object'];
  if (q.resourceType !== 'Questionnaire') out.push('resourceType must be Questionnaire');
  if (!publicationStatus.includes(q.status as string)) out.push('status (1..1) must be in publication-status');
  if (q.id !== undefined && !idPattern.test(String(q.id))) out.push('id must match the R4 id pattern');
  if (q.name !== undefined && !/^[A-Z]([A-Za-z0-9_]){0,254}$/.test(String(q.name))) out.push('name must be computer-friendly (inv qst-0)');
  const linkIds = new Map<string, Json>();
  const items: [Json, string][] = [];
  const collect = (list: unknown, path: string) => {
    if (list === undefined) return;
    if (!Array.isArray(list) || list.length === 0) return void out.push(`${path}: item must be a non-empty array`);
    list.forEach((item, i) => {
      const at = `${path}[${i}]`;
      if (!isObject(item)) return void out.push(`${at}: not an object`);
      if (typeof item.linkId !== 'string' || item.linkId === '') out.push(`${at}.linkId (1..1) missing`);
      else if (linkIds.has(item.linkId)) out.push(`${at}.linkId "${item.linkId}" not unique (que-2)`);
      else linkIds.set(item.linkId, item);
      items.push([item, at]);
      collect(item.item, `${at}.item`);
    });
  };
  collect(q.item, 'item');
  for (const [item, at] of items) {
    if (!itemTypes.includes(item.type as string)) out.push(`${at}.type (1..1) must be in item-type`);
    if (item.type === 'group' && !(Array.isArray(item.item) && item.item.length > 0)) out.push(`${at}: group without items (que-1)`);
    if (item.type === 'display' && item.item !== undefined) out.push(`${at}: display item with items (que-1)`);
    if (item.type === 'display' && (item.required !== undefined || item.repeats !== undefined)) out.push(`${at}: display item with required/repeats (que-6)`);
    if (item.answerOption !== undefined && item.type !== 'choice' && item.type !== 'open-choice') out.push(`${at}: answerOption only for choice (que-5)`);
    if (item.answerOption !== undefined && item.answerValueSet !== undefined) out.push(`${at}: answerOption and answerValueSet (que-4)`);
    for (const [j, option] of ((item.answerOption as unknown[]) ?? []).entries()) {
      if (!isObject(option) || valueKeys(option, 'value').length !== 1) out.push(`${at}.answerOption[${j}]: value[x] 1..1`);
    }
    const enableWhen = item.enableWhen as unknown[] | undefined;
    if (enableWhen !== undefined) {
      if (!Array.isArray(enableWhen) || enableWhen.length === 0) out.push(`${at}.enableWhen must be a non-empty array`);
      if (enableWhen.length > 1 && !enableBehaviors.includes(item.enableBehavior as string)) out.push(`${at}: enableBehavior required with more than one enableWhen (que-12)`);
      enableWhen.forEach((c, j) => {
        const cat = `${at}.enableWhen[${j}]`;
        if (!isObject(c)) return void out.push(`${cat}: not an object`);
        if (typeof c.question !== 'string') out.push(`${cat}.question (1..1) missing`);
        else if (!linkIds.has(c.question)) out.push(`${cat}.question "${c.question}" is no item of this Questionnaire`);
        else if (linkIds.get(c.question)?.type === 'group' || linkIds.get(c.question)?.type === 'display') out.push(`${cat}.question refers to a group/display`);
        if (!enableOperators.includes(c.operator as string)) out.push(`${cat}.operator (1..1) must be in questionnaire-enable-operator`);
        const answers = valueKeys(c, 'answer');
        if (answers.length !== 1) out.push(`${cat}: answer[x] 1..1`);
        if (c.operator === 'exists' && answers[0] !== 'answerBoolean') out.push(`${cat}: exists takes answerBoolean (que-7)`);
        const target = typeof c.question === 'string' ? linkIds.get(c.question) : undefined;
        if (target && answers[0] === 'answerCoding') {
          const options = (target.answerOption as Json[] | undefined) ?? [];
          const coding = c.answerCoding as Json;
          if (!options.some((o) => isObject(o.valueCoding) && o.valueCoding.code === coding.code && o.valueCoding.system === coding.system)) {
            out.push(`${cat}: answerCoding is none of the target's answer options`);
          }
        }
      });
    } else if (item.enableBehavior !== undefined) out.push(`${at}: enableBehavior without enableWhen`);
  }
  return out;
}

/** Every problem with a GuidanceResponse. */
export function guidanceResponseProblems(g: unknown): string[] {
  const out: string[] = [];
  if (!isObject(g)) return ['not an object'];
  if (g.resourceType !== 'GuidanceResponse') out.push('resourceType must be GuidanceResponse');
  const modules = ['moduleUri', 'moduleCanonical', 'moduleCodeableConcept'].filter((k) => g[k] !== undefined);
  if (modules.length !== 1) out.push('module[x] 1..1');
  if (!guidanceStatus.includes(g.status as string)) out.push('status (1..1) must be in guidance-response-status');
  if (g.id !== undefined && !idPattern.test(String(g.id))) out.push('id must match the R4 id pattern');
  for (const [i, note] of ((g.note as unknown[]) ?? []).entries()) {
    if (!isObject(note) || typeof note.text !== 'string' || note.text === '') out.push(`note[${i}].text (1..1) missing`);
  }
  for (const [i, req] of ((g.dataRequirement as unknown[]) ?? []).entries()) {
    if (!isObject(req) || typeof req.type !== 'string') out.push(`dataRequirement[${i}].type (1..1) missing`);
  }
  const contained = new Map(((g.contained as Json[]) ?? []).map((r) => [`#${String(r.id)}`, r]));
  for (const r of contained.values()) {
    if (typeof r.id !== 'string') out.push('contained resource without id');
    for (const [i, p] of ((r.parameter as unknown[]) ?? []).entries()) {
      if (!isObject(p) || typeof p.name !== 'string') out.push(`contained parameter[${i}].name (1..1) missing`);
      else if (valueKeys(p, 'value').length > 1) out.push(`contained parameter[${i}]: value[x] 0..1`);
      else if (valueKeys(p, 'value').length === 1 && p.part !== undefined) out.push(`contained parameter[${i}]: value and part (inv-1)`);
    }
  }
  const ref = isObject(g.outputParameters) ? g.outputParameters.reference : undefined;
  if (ref !== undefined && !contained.has(String(ref))) out.push('outputParameters refers to no contained resource');
  return out;
}

/** Every problem with a CDS Hooks 2.0 card. */
export function cardProblems(card: unknown): string[] {
  const out: string[] = [];
  if (!isObject(card)) return ['not an object'];
  if (typeof card.summary !== 'string' || card.summary.length === 0) out.push('summary required');
  else if ([...card.summary].length >= 140) out.push(`summary must be under 140 characters (${card.summary.length})`);
  if (!cardIndicators.includes(card.indicator as string)) out.push('indicator must be info, warning or critical');
  if (!isObject(card.source) || typeof card.source.label !== 'string' || card.source.label === '') out.push('source.label required');
  if (card.detail !== undefined && typeof card.detail !== 'string') out.push('detail must be markdown text');
  return out;
}

type Item = { linkId: string; type: string; item?: Item[]; enableWhen?: Json[]; enableBehavior?: string; repeats?: boolean; answerOption?: Json[] };

/** The value a case holds at a dotted path. */
function at(answers: unknown, path: string): unknown {
  let v: unknown = answers;
  for (const k of path.split('.')) v = isObject(v) && Object.hasOwn(v, k) ? v[k] : undefined;
  return v;
}

/**
 * A QuestionnaireResponse as a form filler would make it from a case: every question item the
 * case answers gets its answer (yes/no as the item's coded options). With `onlyEnabled`, items
 * that the Questionnaire's enableWhen hides (R4 semantics, worked out here on the FHIR items) are
 * left out, as a renderer leaves them out.
 */
export function fillQuestionnaire(q: { url?: string; version?: string; item?: unknown[] }, answers: unknown, onlyEnabled = false) {
  const items = new Map<string, Item>();
  const walk = (list: Item[] | undefined) => list?.forEach((i) => (items.set(i.linkId, i), walk(i.item)));
  walk(q.item as Item[]);
  const answerOf = (item: Item): Json[] => {
    const v = at(answers, item.linkId);
    if (v === undefined || item.type === 'group' || item.type === 'display') return [];
    if (item.type === 'integer') return (Array.isArray(v) ? v : [v]).map((n) => ({ valueInteger: n }));
    if (item.type === 'date') return [{ valueDate: v }];
    const code = v === true ? 'Y' : v === false ? 'N' : v;
    const option = item.answerOption?.find((o) => isObject(o.valueCoding) && o.valueCoding.code === code);
    return option ? [{ valueCoding: option.valueCoding }] : [];
  };
  const memo = new Map<string, boolean>();
  const enabled = (item: Item, seen: Set<string> = new Set()): boolean => {
    if (!item.enableWhen) return true;
    if (memo.has(item.linkId)) return memo.get(item.linkId) as boolean;
    if (seen.has(item.linkId)) return false;
    seen.add(item.linkId);
    const holds = (c: Json) => {
      const target = items.get(String(c.question));
      const given = target && enabled(target, seen) ? answerOf(target) : [];
      if (c.operator === 'exists') return (given.length > 0) === c.answerBoolean;
      const same = (a: Json) =>
        c.answerCoding !== undefined
          ? isObject(a.valueCoding) && a.valueCoding.code === (c.answerCoding as Json).code && a.valueCoding.system === (c.answerCoding as Json).system
          : c.answerBoolean !== undefined
            ? a.valueBoolean === c.answerBoolean
            : a.valueInteger === c.answerInteger;
      return c.operator === '=' ? given.some(same) : !given.some(same);
    };
    const result = item.enableBehavior === 'any' ? item.enableWhen.some(holds) : item.enableWhen.every(holds);
    memo.set(item.linkId, result);
    return result;
  };
  const respond = (list: Item[] | undefined): Json[] =>
    (list ?? []).flatMap((item): Json[] => {
      if (onlyEnabled && !enabled(item)) return [];
      if (item.type === 'group') {
        const children = respond(item.item);
        return children.length ? [{ linkId: item.linkId, item: children }] : [];
      }
      const answer = answerOf(item);
      return answer.length ? [{ linkId: item.linkId, answer }] : [];
    });
  return {
    resourceType: 'QuestionnaireResponse' as const,
    questionnaire: q.version ? `${q.url}|${q.version}` : q.url,
    status: 'completed' as const,
    item: respond(q.item as Item[]),
  };
}
