import { reportOutcome, runAction } from './run';

/**
 * The Action's entry point (action.yml `runs.main`, bundled into action/lib/index.js by
 * `npm run build:action`): runs, sets the outputs, and fails the step when it should.
 */
void runAction().then(reportOutcome);
