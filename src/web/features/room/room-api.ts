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

export type ShuttleView = z.infer<typeof room.shuttleView>;
export type NoteView = z.infer<typeof room.noteView>;
const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const shuttleKeys = { list: (caseId: string) => ['case', caseId, 'shuttle'] as const };
export const noteKeys = { list: (caseId: string) => ['case', caseId, 'notes'] as const };

export const shuttleApi = {
  list: (caseId: string) => request<ShuttleView[]>('GET', `${base(caseId)}/shuttle`),
  propose: (caseId: string, body: z.input<typeof room.shuttleProposal>) =>
    request<{ id: string }>('POST', `${base(caseId)}/shuttle`, body),
  answer: (caseId: string, id: string, body: z.input<typeof room.shuttleAnswer>) =>
    request<{ status: string }>('POST', `${base(caseId)}/shuttle/${encodeURIComponent(id)}/answer`, body),
};

export const notesApi = {
  list: (caseId: string) => request<NoteView[]>('GET', `${base(caseId)}/notes`),
  add: (caseId: string, body: string) => request<{ id: string }>('POST', `${base(caseId)}/notes`, { body }),
};
