// The Office.js side of the ownership markers (see ../marker.ts): the name properties to load, a named
// item as the shared rules read it, and the marker a new output sheet gets.
import { markerComment, markerName } from '../marker';
import type { NameInfo } from '../outputSheets';
import type { SheetKey } from '../../report/model';

/** What `workbook.names` must load for the rules in outputSheets.ts (ExcelApi 1.4). */
export const NAME_PROPERTIES = 'items/name,items/formula,items/visible,items/comment';

export function nameInfo(n: Excel.NamedItem): NameInfo {
  return { name: n.name, reference: n.formula, hidden: !n.visible, comment: n.comment };
}

/** Marks a new output sheet as the add-in's (a hidden name on its A1; see marker.ts). */
export function addMarker(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  key: SheetKey,
  run: string,
  sheet: string,
): void {
  const marker = context.workbook.names.add(
    markerName(key, run, sheet),
    ws.getRange('A1'),
    markerComment(sheet),
  );
  marker.visible = false;
}
