// SpreadsheetApp.getUi adapter: menu, alerts, confirmations, prompts (toasts: src/gas/ports.ts).
import type { MenuItem } from '../app/ports';

/**
 * Builds the add-on's menu (under Extensions, named after the add-on). Touches nothing but the Ui,
 * so it is safe in AuthMode.NONE.
 */
export function addMenu(items: Array<MenuItem | 'separator'>): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}

export function showAlert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function confirm(title: string, message: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

export function showSidebarFromFile(file: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Asks for one line of text; null when the user cancels or closes the dialog. */
export function promptText(title: string, message: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
}

export function askYesNoCancel(title: string, message: string): 'yes' | 'no' | 'cancel' {
  const ui = SpreadsheetApp.getUi();
  const button = ui.alert(title, message, ui.ButtonSet.YES_NO_CANCEL);
  if (button === ui.Button.YES) return 'yes';
  if (button === ui.Button.NO) return 'no';
  return 'cancel';
}
