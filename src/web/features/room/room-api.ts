import type { z } from 'zod';
import type * as room from '../../../contracts/room.ts';
import { request } from '../../api.ts';

export type RoomList = z.infer<typeof room.roomList>;
export type RoomSummary = z.infer<typeof room.roomSummary>;
export type RoomMemberView = RoomList['members'][number];

export const roomKeys = { list: (caseId: string) => ['case', caseId, 'rooms'] as const };

export const roomApi = {
  list: (caseId: string) => request<RoomList>('GET', `/api/cases/${encodeURIComponent(caseId)}/rooms`),
};
