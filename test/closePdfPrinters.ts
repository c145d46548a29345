// Runs after every test file (jest.config.cjs `setupFilesAfterEnv`): the local runtime's PDF
// printers of the file are stopped, so the jest worker can end cleanly (local/pdfPrinter.ts).
import { closePdfPrinters } from '../local/pdfPrinter';

afterAll(() => closePdfPrinters());
