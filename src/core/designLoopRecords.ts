import * as z from 'zod';
import { DESIGN_STAGES, idSchema } from '../shared/ids';
import { stageIndexSchema } from '../shared/protocol/designLoop';

/** Per loop, in globalState: where its document is and which stages are revealed (survives a reload). */
export const designLoopRecordsSchema = z.record(idSchema, z.object({ path: z.string().min(1).max(4096), revealed: z.array(stageIndexSchema).max(DESIGN_STAGES.length) }));
export type DesignLoopRecords = z.infer<typeof designLoopRecordsSchema>;
