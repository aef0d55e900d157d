// "Dateline: Set Article Date": the date relative expressions (`on Tuesday`, `last week`) resolve against,
// when the article's own header or dateline does not give it (or gives a wrong one).
import * as vscode from 'vscode';
import type { DatelineClient } from '../client';
import { isDatelineDocument } from '../config';
import { SetReferenceDateNotification } from '../protocol';
import { dateProblem, ReferenceDates } from '../referenceDates';

/**
 * Arguments, all optional: `(date?: string | null, resource?: Uri)`. A menu passes the resource first.
 * Without a date, asks with an input box; an empty answer clears the date. Returns the date now in force
 * for the file (null when cleared), or undefined when cancelled.
 */
export async function setArticleDate(
  dates: ReferenceDates, client: DatelineClient, arg1?: unknown, arg2?: unknown,
): Promise<string | null | undefined> {
  let date: string | null | undefined = typeof arg1 === 'string' || arg1 === null ? arg1 : undefined;
  const resource = arg1 instanceof vscode.Uri ? arg1 : arg2 instanceof vscode.Uri ? arg2 : undefined;
  const doc = resource
    ? await vscode.workspace.openTextDocument(resource)
    : vscode.window.activeTextEditor?.document;
  if (!doc || !isDatelineDocument(doc)) {
    void vscode.window.showWarningMessage('Dateline: open a news article (a .news file, or run "Dateline: Annotate This File") first.');
    return undefined;
  }
  if (date === undefined) {
    const answer = await vscode.window.showInputBox({
      title: 'Dateline: Set Article Date',
      prompt: 'The date the article was written (YYYY-MM-DD). Relative dates such as "on Tuesday" resolve against it. Leave empty to use the date in the article again.',
      placeHolder: 'YYYY-MM-DD',
      value: dates.get(doc.uri) ?? '',
      validateInput: v => (v.trim() === '' ? undefined : dateProblem(v.trim())),
    });
    if (answer === undefined) return undefined;
    date = answer.trim() === '' ? null : answer.trim();
  } else if (date !== null && dateProblem(date)) {
    void vscode.window.showErrorMessage(`Dateline: ${dateProblem(date)}`);
    return undefined;
  }
  await dates.set(doc.uri, date);
  const c = await client.ready();
  await c.sendNotification(SetReferenceDateNotification, { uri: c.code2ProtocolConverter.asUri(doc.uri), date });
  vscode.window.setStatusBarMessage(date ? `Dateline: article date ${date}` : 'Dateline: article date cleared', 4000);
  return date;
}
