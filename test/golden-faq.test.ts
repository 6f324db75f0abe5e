// Golden cases for the answers in 004 (Veelgestelde vragen + Kind Check) that state a rule the
// kindcheck, steps and record-keeping modules encode. Each test names the FAQ question.
import { describe, expect, it } from 'vitest';
import { exceptionMet } from './support/objection.js';
import { evaluate } from '../src/index.js';
import { evaluateKindcheck } from '../src/kindcheck/index.js';
import { evaluateSteps } from '../src/steps/index.js';

const DATE = { evaluationDate: '2026-11-23' };
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('004 Kind Check', () => {
  it('VRAAG 1 nee → "Kindcheck gereed", whatever else is answered', () => {
    const d = evaluate({ kindcheck: { parentSignals: false }, client: { caresForMinor: true }, contact: { oneOff: true } }, DATE);
    expect(d.kindcheck).toMatchObject({ status: 'complete', decidedBy: 1 });
  });

  it('VRAAG 2 nee → "Kindcheck gereed"', () => {
    const d = evaluate({ kindcheck: { parentSignals: true }, client: { caresForMinor: false, pregnant: false } }, DATE);
    expect(d.kindcheck).toMatchObject({ status: 'complete', decidedBy: 2 });
  });

  it('Vraag 3 ja → tell the client you ask Veilig Thuis for advice; decide with Veilig Thuis', () => {
    const d = evaluate({ kindcheck: { parentSignals: true }, client: { caresForMinor: true }, contact: { oneOff: true } }, DATE);
    expect(d.kindcheck?.status).toBe('ask-veilig-thuis-advice');
    expect(d.kindcheck?.text).toMatch(/^Vertel uw cliënt dat u Veilig Thuis om advies vraagt, mits de veiligheid dit toelaat\./);
  });

  it('Vraag 3 nee → "Volg de stappen van de meldcode"', () => {
    const d = evaluate({ kindcheck: { parentSignals: true }, client: { pregnant: true }, contact: { oneOff: false } }, DATE);
    expect(d.kindcheck).toMatchObject({ status: 'follow-steps', text: 'Vraag 3 heeft u met NEE beantwoord. Volg de stappen van de meldcode.' });
  });

  it('Vragen die u kunt stellen: offered with question 2', () => {
    const k = evaluateKindcheck({ kindcheck: { parentSignals: true } });
    expect(k.subQuestions).toEqual([
      'Wonen er minderjarige kinderen bij u in huis?',
      'Deelt u de zorg met iemand anders?',
      'Hebt u een (ex)partner wiens kinderen u geregeld ziet?',
      'Bent u mogelijk zwanger?',
      'Wanneer er kinderen zijn die niet in huis wonen: hoe vaak ziet u de kinderen, ziet u de kinderen alleen? Lukt het u om de kinderen voldoende zorg en veiligheid te bieden?',
      'Hebt u hulp bij de verzorging van de kinderen?',
      'Zou u zorg wensen bij de verzorging van uw kinderen?',
    ]);
  });
});

describe('004 Wat leg ik vast over een melding?', () => {
  it('every sentence of the answer is an item of a report\'s checklist', () => {
    const d = evaluate({ considerations: { suspicion: true, unsafety: { structural: true } } }, DATE);
    const items = d.recordKeeping.items;
    const byId = (id: string) => items.find((i) => i.id === id);
    expect(byId('report-information-and-agreements')?.source.quote).toMatch(/welke informatie je bij je melding hebt verstrekt/);
    expect(byId('report-conversation-and-reaction')?.source.quote).toMatch(/welke reactie de cliënt/);
    expect(byId('veilig-thuis-officer')?.source.quote).toMatch(/naam en de functie/);
    expect(byId('later-outcomes')?.source.quote).toMatch(/Doe dit ook als kindermishandeling of huiselijk geweld niet is gebleken/);
    for (const i of items.filter((x) => x.source.document.startsWith('004'))) expect(i.source.section).toBe('Wat leg ik vast over een melding?');
  });

  it('help offered or organised: record which help and how it met the requirements', () => {
    const d = evaluate(
      {
        considerations: {
          suspicion: true,
          unsafety: { acute: false, structural: false, disclosure: false },
          help: { canOffer: true, safetyPicture: true, history: true, fittingHelp: true },
          helpAccepted: true,
          helpReachesSafety: true,
        },
      },
      DATE,
    );
    expect(d.outcome).toBe('help');
    expect(ids(d.recordKeeping.items)).toContain('help-and-requirements');
  });

  it('"Heb je geen contact met cliënt … gehad over de melding, teken dan ook aan waarom"', () => {
    const s = evaluateSteps({ steps: { conversationHeld: false }, conversation: { skipReason: 'safety' } }, DATE);
    expect(ids(s.actions)).toContain('record-why-no-conversation');
    expect(s.open).toContain(3);
  });
});

describe('004 Mag ik een melding doen zonder mijn cliënt hierover te informeren als dit beter is voor de zorgrelatie?', () => {
  it('the conversation is the compulsory step 3: open until held, or skipped for safety or loss of contact with the reason recorded', () => {
    const open = evaluateSteps({ steps: { conversationHeld: false } }, DATE);
    expect(open.open).toContain(3);
    const skipped = evaluateSteps({ conversation: { skipReason: 'safety', skipReasonRecorded: true } }, DATE);
    expect(skipped.skipped).toEqual([3]);
  });
});

describe('004 Wat is het verschil tussen advies vragen en melden?', () => {
  it('Veilig Thuis can be asked at every step: while step 4 is open, in doubt, ask Veilig Thuis', () => {
    const d = evaluate({ considerations: { suspicion: true } }, DATE);
    expect(ids(d.actions)).toEqual(expect.arrayContaining(['ask-veilig-thuis-advice', 'step-4-doubt-ask-veilig-thuis']));
  });
});

describe('004 Moet ik ook melden als er al een gezinsvoogd betrokken is?', () => {
  // "Ja, ook dan moet er worden gemeld bij Veilig Thuis. Iedere professional is verantwoordelijk
  // voor een eigen afweging …" (issue 14 finding 9).
  it('every report says to report even when a gezinsvoogd or other help is involved', () => {
    for (const considerations of [
      { suspicion: true, unsafety: { structural: true } },
      { suspicion: true, unsafety: { acute: false, structural: false, disclosure: false }, help: { canOffer: false } },
    ]) {
      const d = evaluate({ considerations }, DATE);
      expect(d.outcome).toMatch(/^report/);
      expect(d.actions.find((a) => a.id === 'report-even-if-others-involved')?.text).toMatch(/gezinsvoogd.*eigen afweging/);
    }
  });

  it('not without a report, nor where an objection sets the report aside', () => {
    expect(ids(evaluate({ considerations: { suspicion: false } }, DATE).actions)).not.toContain('report-even-if-others-involved');
    const setAside = evaluate(exceptionMet, DATE);
    expect(setAside.report.necessary).toBe(false);
    expect(ids(setAside.actions)).not.toContain('report-even-if-others-involved');
  });
});

describe('000 §3.4 Noodsituaties', () => {
  // "kunt u meteen advies vragen aan Veilig Thuis … zo nodig in hetzelfde gesprek een melding doen …
  // ook contact zoeken met de Raad voor de Kinderbescherming en/of de politie" (issue 14 finding 9).
  it('acute unsafety: ask Veilig Thuis at once, report in the same call if needed, or call the Raad or the police', () => {
    const d = evaluate({ considerations: { suspicion: true, unsafety: { acute: true } } }, { ...DATE, lang: 'en' });
    expect(d.actions.find((a) => a.id === 'emergency-advice-and-report-at-once')?.text).toMatch(/at once.*same call.*Child Protection Board.*police/);
  });

  it('not for structural unsafety alone', () => {
    expect(ids(evaluate({ considerations: { suspicion: true, unsafety: { structural: true } } }, DATE).actions)).not.toContain('emergency-advice-and-report-at-once');
  });
});
