// meldcode/cds-hooks: a CDS Hooks 2.0 service (discovery, the kindcheck and afwegingskader
// services on patient-view, feedback) over node:http or as a web-standard fetch handler.
export { cdsServices, createCdsHooksHandler } from './service.js';
export type { CdsFeedback, CdsHooksServiceOptions, CdsHttpRequest, CdsHttpResponse, CdsServiceDefinition } from './service.js';
export { createCdsHooksServer } from './node.js';
export { cdsHooksFetchHandler } from './fetch.js';
export { jwtAuthorizer, memoryReplayStore } from './jwt.js';
export type { JsonWebKeySet, JwtAuthorizerOptions, ReplayStore } from './jwt.js';
export { defaultPromptCodes } from './ehr-data.js';
export type { Prompt, PromptCode } from './ehr-data.js';
export type { CdsHooksCard, CdsHooksLink, Coding } from '../fhir/types.js';
export { MeldcodeInputError } from '../errors/errors.js';
