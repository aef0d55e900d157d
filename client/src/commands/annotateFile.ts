// "Dateline: Annotate This File": reads any text document as a news article from now on.
import * as vscode from 'vscode';
import { NEWS_LANGUAGE } from '../config';

export async function annotateFile(resource?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const doc = resource instanceof vscode.Uri
    ? await vscode.workspace.openTextDocument(resource)
    : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showWarningMessage('Dateline: open the article you want to annotate first.');
    return undefined;
  }
  if (doc.languageId === NEWS_LANGUAGE) return doc;
  return vscode.languages.setTextDocumentLanguage(doc, NEWS_LANGUAGE);
}
