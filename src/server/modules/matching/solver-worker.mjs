// The entry of a solver thread (docs/decisions/0028). Plain JavaScript so
// that Node can start it whatever runs the main thread (tsx in development
// and tests, `npm start`'s loader in production): it registers tsx, then
// loads the TypeScript task.
import { register } from 'tsx/esm/api';

register();
const { runSolveTask } = await import('./solver-task.ts');

export default runSolveTask;
