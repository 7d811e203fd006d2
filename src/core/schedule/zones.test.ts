import { describe, expect, it } from 'vitest';
import { REGIONS } from '../registry/reference.ts';
import {
  fixedOffsetZone,
  instantOf,
  offsetAt,
  SESSION_ZONES,
  type SessionZone,
  utcOffsetLabel,
  wallTime,
  ZONE_CHANGES,
  zoneOfRegion,
} from './zones.ts';

/** The runtime's own idea of a zone's offset (minutes east of UTC) at an instant. */
const runtimeOffset = (zone: string, instant: Date) => {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name ?? '');
  if (!match?.[1]) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
};

/** tzdata 2024a or newer knows the single zone of 1 March 2024 (DOMAIN.md §5). */
const runtimeIsCurrent = runtimeOffset('Asia/Almaty', new Date('2024-06-01T00:00:00Z')) === 300;

describe('session zones', () => {
  it('puts the western regions in their own zones and every other region on Almaty time', () => {
    expect(zoneOfRegion('aktobe')).toBe('Asia/Aqtobe');
    expect(zoneOfRegion('atyrau')).toBe('Asia/Atyrau');
    expect(zoneOfRegion('mangystau')).toBe('Asia/Aqtau');
    expect(zoneOfRegion('west_kazakhstan')).toBe('Asia/Oral');
    expect(zoneOfRegion('kyzylorda')).toBe('Asia/Qyzylorda');
    expect(zoneOfRegion('kostanay')).toBe('Asia/Qostanay');
    for (const region of ['astana', 'almaty', 'north_kazakhstan', 'ulytau', 'abai'] as const)
      expect(zoneOfRegion(region)).toBe('Asia/Almaty');
    expect(zoneOfRegion(null)).toBe('Asia/Almaty');
    for (const region of REGIONS) expect(SESSION_ZONES).toContain(zoneOfRegion(region));
  });

  it('has the whole country on UTC+5 since 1 March 2024, Almaty and Kostanay on +6 before', () => {
    for (const zone of SESSION_ZONES) expect(offsetAt(zone, new Date('2024-03-01T00:00:00Z'))).toBe(300);
    expect(offsetAt('Asia/Almaty', new Date('2024-02-29T17:59:59Z'))).toBe(360);
    expect(offsetAt('Asia/Almaty', new Date('2024-02-29T18:00:00Z'))).toBe(300);
    expect(offsetAt('Asia/Qostanay', new Date('2023-12-01T00:00:00Z'))).toBe(360);
    expect(offsetAt('Asia/Qyzylorda', new Date('2018-12-01T00:00:00Z'))).toBe(360);
    expect(offsetAt('Asia/Aqtobe', new Date('2023-12-01T00:00:00Z'))).toBe(300);
    expect(() => offsetAt('Asia/Almaty', new Date('2000-01-01T00:00:00Z'))).toThrow(RangeError);
  });

  it.skipIf(!runtimeIsCurrent)('agrees with the runtime tzdata around every change and since', () => {
    for (const zone of SESSION_ZONES) {
      const probes = ZONE_CHANGES[zone].flatMap((change) => [
        new Date(change.at.getTime() + 60_000),
        new Date(change.at.getTime() + 90 * 86_400_000),
      ]);
      probes.push(new Date('2026-01-15T12:00:00Z'), new Date('2026-07-15T12:00:00Z'));
      for (const instant of probes)
        expect(offsetAt(zone, instant), `${zone} ${instant.toISOString()}`).toBe(
          runtimeOffset(zone, instant),
        );
    }
  });

  it('reads a clock in the zone and finds the instant it shows, both ways', () => {
    const instant = new Date('2026-12-01T09:30:00Z');
    expect(wallTime('Asia/Almaty', instant)).toEqual({
      date: '2026-12-01',
      time: '14:30',
      offsetMinutes: 300,
    });
    expect(wallTime('Asia/Almaty', new Date('2024-01-10T18:30:00Z'))).toEqual({
      date: '2024-01-11',
      time: '00:30',
      offsetMinutes: 360,
    });
    for (const zone of SESSION_ZONES) {
      const shown = wallTime(zone, instant);
      expect(instantOf(zone, shown.date, shown.time)?.toISOString()).toBe(instant.toISOString());
    }
    expect(instantOf('Asia/Qostanay', '2024-01-10', '10:00')?.toISOString()).toBe('2024-01-10T04:00:00.000Z');
  });

  it('takes the later instant for a time shown twice, and refuses what is not a date and time', () => {
    // 2024-02-29 23:30 happened at +06 and again at +05 in Almaty.
    expect(instantOf('Asia/Almaty', '2024-02-29', '23:30')?.toISOString()).toBe('2024-02-29T18:30:00.000Z');
    expect(instantOf('Asia/Almaty', '2026-02-30', '10:00')).toBeNull();
    expect(instantOf('Asia/Almaty', '2026-12-01', '24:00')).toBeNull();
    expect(instantOf('Asia/Almaty', '1.12.2026', '10:00')).toBeNull();
    expect(instantOf('Asia/Almaty', '1999-12-01', '10:00')).toBeNull();
  });

  it('names offsets for people and for Intl', () => {
    expect(utcOffsetLabel(300)).toBe('UTC+5');
    expect(utcOffsetLabel(330)).toBe('UTC+5:30');
    expect(utcOffsetLabel(-180)).toBe('UTC−3');
    expect(fixedOffsetZone(300)).toBe('Etc/GMT-5');
    expect(fixedOffsetZone(-180)).toBe('Etc/GMT+3');
    expect(() => fixedOffsetZone(330)).toThrow(RangeError);
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: fixedOffsetZone(300),
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date('2026-12-01T09:30:00Z'));
    expect(time).toBe('14:30');
  });

  it('describes each zone from the end of summer time in 2004 on, oldest change first', () => {
    for (const zone of SESSION_ZONES) {
      const changes = ZONE_CHANGES[zone as SessionZone];
      expect(changes[0]?.at.toISOString().slice(0, 10)).toBe('2004-10-30');
      for (let i = 1; i < changes.length; i++) {
        expect(changes[i]?.at.getTime()).toBeGreaterThan(changes[i - 1]?.at.getTime() ?? 0);
        expect(changes[i]?.from).toBe(changes[i - 1]?.to);
      }
    }
  });
});
