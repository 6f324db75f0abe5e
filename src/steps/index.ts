export {
  evaluateSteps,
  stepsQuestions,
  type Step5Basis,
  type StepNumber,
  type StepsEffect,
  type StepsInput,
  type StepsResult,
  type StepState,
} from './steps.js';
