// `npm run bench`: every performance figure of SPEC §6, measured in one process, printed as Markdown
// tables (copied into docs/performance.md). Sections: `npm run bench -- analysis selection`.
import { benchAnalysis } from './analysis';
import { benchSelection } from './selection';
import { benchSensitivity } from './sensitivity';
import { benchEndToEnd } from './endToEnd';
import { benchOffice } from './office';
import { benchPane } from './pane';
import { benchHostile } from './hostile';

const sections: Record<string, () => Promise<unknown>> = {
  analysis: benchAnalysis,
  sensitivity: benchSensitivity,
  selection: benchSelection,
  e2e: benchEndToEnd,
  office: benchOffice,
  pane: benchPane,
  hostile: benchHostile,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = wanted.length ? wanted : Object.keys(sections);
  console.log(`SRO Portfolio bench — node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  for (const name of names) {
    const run = sections[name];
    if (!run) throw new Error(`Unknown bench section "${name}"; known: ${Object.keys(sections).join(', ')}`);
    await run();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
