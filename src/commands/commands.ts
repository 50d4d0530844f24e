// Entry of the ribbon's function file (commands.html, the manifest's <FunctionFile>): once Office is
// ready, binds each function command to the name the manifest uses for it.
import { functionCommands } from './functionCommands';

await Office.onReady();
for (const [name, run] of Object.entries(functionCommands)) {
  Office.actions.associate(name, run);
}
