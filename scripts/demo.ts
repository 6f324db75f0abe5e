// Evaluates the bundled example cases and prints each decision with its trail.
// Usage: npm run demo [-- --lang en]
import { evaluate, formatDecision, type Lang, parseCase } from '../src/index.js';
import { loadExamples } from './load-examples.js';

const lang: Lang = process.argv.includes('--lang') && process.argv[process.argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'nl';
const rule = '='.repeat(78);

for (const example of loadExamples()) {
  const decision = evaluate(parseCase(example.case), { lang });
  console.log(rule);
  console.log(`${example.id}: ${example.title[lang]}`);
  console.log(example.description[lang]);
  console.log(rule);
  console.log(formatDecision(decision));
  console.log();
}
