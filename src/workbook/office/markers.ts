// The Office.js side of the ownership markers (see ../marker.ts): the name properties to load, a named
// item as the shared rules read it (write.ts adds a new sheet's marker).
import type { NameInfo } from '../outputSheets';

/** What `workbook.names` must load for the rules in outputSheets.ts (ExcelApi 1.4). */
export const NAME_PROPERTIES = 'items/name,items/formula,items/visible,items/comment';

export function nameInfo(n: Excel.NamedItem): NameInfo {
  return { name: n.name, reference: n.formula, hidden: !n.visible, comment: n.comment };
}
