import { describe, expect, it } from 'vitest';
import { englishText, reason } from '../../shared/reason-texts.ts';
import { defaultLearningPhases, meetingDayProblem, phasesCompletedByCity } from './learning-phases.ts';

describe('learning phases', () => {
  it('splits five months into four consecutive phases', () => {
    const phases = defaultLearningPhases({ startsOn: '2026-07-01', endsOn: '2026-11-30' });
    expect(phases.map((p) => [p.number, p.startsOn, p.endsOn])).toEqual([
      [1, '2026-07-01', '2026-08-07'],
      [2, '2026-08-08', '2026-09-14'],
      [3, '2026-09-15', '2026-10-22'],
      [4, '2026-10-23', '2026-11-30'],
    ]);
    expect(phases[1]?.title).toBe('Solutions by sector');
  });

  it('holds a phase’s meetings while the phase runs, from its first to its last day', () => {
    const phase = { number: 2, startsOn: '2026-08-08', endsOn: '2026-09-14' };
    expect(meetingDayProblem(phase, '2026-08-08')).toBeNull();
    expect(meetingDayProblem(phase, '2026-09-14')).toBeNull();
    expect(meetingDayProblem(phase, '2026-08-07')).toEqual(reason('MEETING_BEFORE_PHASE', { phase: 2, startsOn: '2026-08-08', endsOn: '2026-09-14' }));
    expect(englishText(meetingDayProblem(phase, '2026-09-15') ?? reason('PHASE_NO_SUCH'))).toBe('Phase 2 ended on 2026-09-14: choose a day from 2026-08-08 to 2026-09-14, or another phase.');
  });

  it('counts a phase complete when someone from the city attended enough of its meetings', () => {
    const done = phasesCompletedByCity(
      [
        { cityId: 'tartu', phaseNumber: 1, meetingId: 's1', status: 'present' },
        { cityId: 'tartu', phaseNumber: 2, meetingId: 's2', status: 'excused' },
        { cityId: 'tartu', phaseNumber: 2, meetingId: 's3', status: 'present' },
        { cityId: 'tartu', phaseNumber: 2, meetingId: 's3', status: 'present' },
        { cityId: 'graz', phaseNumber: 1, meetingId: 's1', status: 'absent' },
      ],
      { meetingsPerPhase: 1 },
    );
    expect(done.get('tartu')).toEqual([1, 2]);
    expect(done.get('graz')).toBeUndefined();
    const strict = phasesCompletedByCity([{ cityId: 'tartu', phaseNumber: 1, meetingId: 's1', status: 'present' }], { meetingsPerPhase: 2 });
    expect(strict.get('tartu')).toEqual([]);
  });
});
