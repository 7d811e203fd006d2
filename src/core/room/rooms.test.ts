import { describe, expect, it } from 'vitest';
import {
  caucusRoom,
  JOINT,
  mayRead,
  type RoomCase,
  type RoomMember,
  roomsOf,
  writeRefusal,
} from './rooms.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const active: RoomCase = { status: 'active', separateSessions: false, partyIds: [A, B] };

const partyA: RoomMember = { role: 'party', partyId: A, via: 'self' };
const representativeA: RoomMember = { role: 'party', partyId: A, via: 'representative' };
const representativeB: RoomMember = { role: 'party', partyId: B, via: 'representative' };
const interpreter: RoomMember = { role: 'interpreter' };
const mediator: RoomMember = { role: 'mediator' };
const court: RoomMember = { role: 'court' };

describe('rooms of each member (R-MED-17, R-MED-15)', () => {
  it('R-MED-17: a party reads the joint room and its own caucus; the mediator every room; a court none', () => {
    expect(roomsOf(active, partyA)).toEqual([JOINT, caucusRoom(A)]);
    expect(roomsOf(active, mediator)).toEqual([JOINT, caucusRoom(A), caucusRoom(B)]);
    expect(roomsOf(active, court)).toEqual([]);
  });

  it("R-MED-15/R-MED-17: a representative sits where its party sits, never in the other party's caucus", () => {
    expect(roomsOf(active, representativeA)).toEqual([JOINT, caucusRoom(A)]);
    expect(roomsOf(active, representativeB)).toEqual([JOINT, caucusRoom(B)]);
    expect(mayRead(active, representativeA, caucusRoom(B))).toBe(false);
    expect(writeRefusal(active, representativeA, caucusRoom(B))).toBe('room_not_found');
    expect(writeRefusal(active, representativeA, caucusRoom(A))).toBeNull();
  });

  it('R-MED-15/R-MED-17: an interpreter is in the joint room only, never in a caucus', () => {
    expect(roomsOf(active, interpreter)).toEqual([JOINT]);
    expect(writeRefusal(active, interpreter, JOINT)).toBeNull();
    for (const party of [A, B]) {
      expect(mayRead(active, interpreter, caucusRoom(party))).toBe(false);
      expect(writeRefusal(active, interpreter, caucusRoom(party))).toBe('room_not_found');
    }
  });

  it('R-FAM-02: in separate sessions an interpreter has no room, a representative only its caucus', () => {
    const separate = { ...active, separateSessions: true };
    expect(roomsOf(separate, interpreter)).toEqual([]);
    expect(roomsOf(separate, representativeA)).toEqual([caucusRoom(A)]);
  });

  it('R-MED-07: the representative of a party not taking part has no room', () => {
    const onlyA = { ...active, partyIds: [A] };
    expect(roomsOf(onlyA, representativeB)).toEqual([]);
  });

  it('R-MED-17: rooms stay readable after the end, closed to new messages, for every member kind', () => {
    const ended: RoomCase = { ...active, status: 'settled' };
    for (const member of [partyA, representativeA, interpreter, mediator]) {
      expect(mayRead(ended, member, JOINT)).toBe(true);
      expect(writeRefusal(ended, member, JOINT)).toBe('room_closed');
    }
    const before: RoomCase = { ...active, status: 'contract' };
    for (const member of [partyA, representativeA, interpreter, mediator])
      expect(roomsOf(before, member)).toEqual([]);
  });
});
