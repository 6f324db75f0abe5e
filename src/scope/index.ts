export {
  evaluateScope,
  scopeQuestions,
  type ScopeEffect,
  type ScopeInput,
  type ScopeResult,
  type ScopeRoute,
} from './scope.js';
