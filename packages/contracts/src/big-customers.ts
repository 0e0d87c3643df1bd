import { z } from 'zod';
import { isoDate } from './common.ts';

export const CONTACT_CHANNELS = ['visit', 'phone', 'meeting', 'wechat', 'email', 'other'] as const;

/** One contact with a big customer (供电局细则 5.6: 定期联系，跟踪服务). */
export const bigCustomerContact = z.object({
  id: z.number().int(), customerId: z.number().int(), staffId: z.number().int(), staffName: z.string(),
  contactDate: z.string(), contactPerson: z.string(), channel: z.enum(CONTACT_CHANNELS), content: z.string(), followUp: z.string(), createdAt: z.string(),
});
export type BigCustomerContact = z.infer<typeof bigCustomerContact>;

export const bigCustomerContactCreate = z.object({
  contactDate: isoDate,
  contactPerson: z.string().trim().min(1, { message: 'required' }).max(50),
  channel: z.enum(CONTACT_CHANNELS),
  content: z.string().trim().min(1, { message: 'required' }).max(2000),
  followUp: z.string().trim().max(1000).default(''),
}).strict();
export type BigCustomerContactCreate = z.infer<typeof bigCustomerContactCreate>;
/** A corrected contact entry: the whole entry as it should read. */
export const bigCustomerContactUpdate = bigCustomerContactCreate;
export type BigCustomerContactUpdate = z.infer<typeof bigCustomerContactUpdate>;
export const contactParam = z.object({ id: z.coerce.number().int().positive(), contactId: z.coerce.number().int().positive() });

/** The contact log of one big customer with the next regular follow-up the policy asks for. */
export const bigCustomerContactLog = z.object({
  customerId: z.number().int(),
  bigCustomer: z.boolean(),
  /** Months between contacts from the portfolio policy; null when the policy asks for none. */
  everyMonths: z.number().nullable(),
  lastContact: z.string().nullable(),
  /** The day the next contact is due (from the last contact, or from when the manager took the customer). */
  nextDue: z.string().nullable(),
  status: z.enum(['not_required', 'ok', 'due', 'overdue']),
  items: z.array(bigCustomerContact),
});
export type BigCustomerContactLog = z.infer<typeof bigCustomerContactLog>;
