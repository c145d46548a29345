// One invoice as the parser makes it, for domain tests: unpaid, one contact, due on `dueDate`.
import type { Invoice, IsoDate } from '../../src/domain/types';

export function invoiceDue(dueDate: IsoDate, over: Partial<Invoice> = {}): Invoice {
  return {
    row: 2,
    key: 'INV-1',
    invoice: 'INV-1',
    client: 'Acme',
    emails: ['ap@acme.test'],
    amount: 1000,
    amountPaid: 0,
    balance: 1000,
    currency: 'USD',
    issueDate: null,
    dueDate,
    paidDate: null,
    contactName: '',
    billingEmails: [],
    paused: false,
    paymentLink: '',
    ...over,
  };
}
