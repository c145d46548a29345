// The Environment of src/app/ports.ts over Apps Script: the one place that hands the use cases
// their adapters (src/main.ts calls it once per execution).
import type { Environment, UiPort } from '../app/ports';
import { activePorts, hasUi, triggerOwnerIo, triggerPorts } from './ports';
import {
  authorizationNeeded,
  authorizationUrlIfNeeded,
  clearAuthorizationNeeded,
  isDailyTrigger,
  recordAuthorizationNeeded,
  triggerSpreadsheetInfo,
} from './triggers';
import { addMenu, askYesNoCancel, confirm, promptText, showAlert, showSidebarFromFile } from './ui';

const ui: UiPort = { hasUi, addMenu, showAlert, confirm, promptText, askYesNoCancel, showSidebar: showSidebarFromFile };

export function appsScriptEnvironment(): Environment {
  return {
    ui,
    activePorts,
    triggerPorts,
    authorization: {
      urlIfNeeded: authorizationUrlIfNeeded,
      needed: authorizationNeeded,
      record: recordAuthorizationNeeded,
      clear: clearAuthorizationNeeded,
    },
    daily: { isDailyTrigger, spreadsheetInfo: triggerSpreadsheetInfo, ownerIo: triggerOwnerIo },
  };
}
