import { z } from 'zod';

/** A programme manager assigns one evaluator to an application by hand. */
export const AssignEvaluatorBody = z.object({ evaluatorId: z.uuid('Choose an evaluator.') });
export type AssignEvaluatorBody = z.infer<typeof AssignEvaluatorBody>;
