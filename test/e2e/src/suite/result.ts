/** What the suite writes to $DATELINE_E2E_RESULT for the launcher. */
export interface SuiteResult {
  passes: number;
  failures: number;
  pending: number;
  failed: string[];
  durationMs: number;
}

/**
 * Marks the suite's own console lines (mocha's report), so that the code-server launcher can tell them from
 * the workbench's, which come through the same channel. It sets DATELINE_E2E_MARK=1; elsewhere (Electron)
 * the lines are printed as they are.
 */
export const REPORT_MARK = '[dateline-e2e] ';

/** Prints lines of the report. */
export function report(text: string): void {
  if (process.env.DATELINE_E2E_MARK !== '1') { console.log(text); return; }
  console.log(text.split('\n').map(l => REPORT_MARK + l).join('\n'));
}
