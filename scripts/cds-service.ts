// Starts the meldcode CDS Hooks service: npm run cds-service -- --port 8080 [--host 127.0.0.1]
// [--lang nl|en] [--canonical-base https://fhir.example.org]. Feedback is printed as one line per
// entry (card, outcome, reason code): never the comment, which may hold patient data.
import { parseArgs } from 'node:util';
import { createCdsHooksServer } from '../src/cds-hooks/index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    lang: { type: 'string', default: 'nl' },
    'canonical-base': { type: 'string' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be 0-65535, not ${values.port}`);
  process.exit(1);
}
if (values.lang !== 'nl' && values.lang !== 'en') {
  console.error(`--lang must be nl or en, not ${values.lang}`);
  process.exit(1);
}
const server = createCdsHooksServer({
  lang: values.lang,
  ...(values['canonical-base'] ? { canonicalBase: values['canonical-base'] } : {}),
  onFeedback: (entries, { serviceId }) => {
    for (const e of entries) console.log(`feedback ${serviceId} card=${e.card} outcome=${e.outcome}${e.overrideReason?.reason?.code ? ` reason=${e.overrideReason.reason.code}` : ''}`);
  },
});
server.listen(port, values.host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`meldcode CDS Hooks service: http://${values.host}:${actual}/cds-services`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
