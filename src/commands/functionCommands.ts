// Ribbon commands that run code without opening the pane, keyed by the <FunctionName> the manifest
// gives them. None yet: the one Home-tab button opens the task pane, which Office does by itself.
// tests/manifest/manifest.test.ts checks that this table and the manifest name the same functions.
export const functionCommands: Readonly<Record<string, (event: Office.AddinCommands.Event) => void>> = {};
