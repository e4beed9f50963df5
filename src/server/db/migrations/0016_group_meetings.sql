-- A discussion group's online meetings were called "sessions", the word that
-- also names a sign-in session (the `sessions` table, its cookie, its cache).
-- The meetings take their own word: every table, column, index and constraint
-- of theirs is renamed to the name it would get if created today. The sign-in
-- sessions keep theirs (`sessions`, `announce_session_change`, the
-- `session_changes` channel). Renames only: no row moves, nothing is copied.

ALTER TABLE group_sessions RENAME TO group_meetings;
ALTER TABLE group_meetings RENAME CONSTRAINT group_sessions_pkey TO group_meetings_pkey;
ALTER TABLE group_meetings RENAME CONSTRAINT group_sessions_group_id_fkey TO group_meetings_group_id_fkey;
ALTER TABLE group_meetings RENAME CONSTRAINT group_sessions_phase_number_check TO group_meetings_phase_number_check;
ALTER TABLE group_meetings RENAME CONSTRAINT group_sessions_title_check TO group_meetings_title_check;
ALTER TABLE group_meetings RENAME CONSTRAINT group_sessions_duration_minutes_check TO group_meetings_duration_minutes_check;
ALTER TABLE group_meetings RENAME CONSTRAINT group_sessions_join_url_check TO group_meetings_join_url_check;
ALTER TABLE group_meetings RENAME CONSTRAINT group_sessions_agenda_check TO group_meetings_agenda_check;
ALTER INDEX group_sessions_group_idx RENAME TO group_meetings_group_idx;

ALTER TABLE session_attendance RENAME TO meeting_attendance;
ALTER TABLE meeting_attendance RENAME COLUMN session_id TO meeting_id;
ALTER TABLE meeting_attendance RENAME CONSTRAINT session_attendance_pkey TO meeting_attendance_pkey;
ALTER TABLE meeting_attendance RENAME CONSTRAINT session_attendance_session_id_fkey TO meeting_attendance_meeting_id_fkey;
ALTER TABLE meeting_attendance RENAME CONSTRAINT session_attendance_person_id_fkey TO meeting_attendance_person_id_fkey;
ALTER TABLE meeting_attendance RENAME CONSTRAINT session_attendance_city_id_fkey TO meeting_attendance_city_id_fkey;
ALTER TABLE meeting_attendance RENAME CONSTRAINT session_attendance_recorded_by_fkey TO meeting_attendance_recorded_by_fkey;
ALTER TABLE meeting_attendance RENAME CONSTRAINT session_attendance_status_check TO meeting_attendance_status_check;
ALTER INDEX session_attendance_city_idx RENAME TO meeting_attendance_city_idx;

ALTER TABLE session_materials RENAME TO meeting_materials;
ALTER TABLE meeting_materials RENAME COLUMN session_id TO meeting_id;
ALTER TABLE meeting_materials RENAME CONSTRAINT session_materials_pkey TO meeting_materials_pkey;
ALTER TABLE meeting_materials RENAME CONSTRAINT session_materials_session_id_fkey TO meeting_materials_meeting_id_fkey;
ALTER TABLE meeting_materials RENAME CONSTRAINT session_materials_created_by_fkey TO meeting_materials_created_by_fkey;
ALTER TABLE meeting_materials RENAME CONSTRAINT session_materials_title_check TO meeting_materials_title_check;
ALTER TABLE meeting_materials RENAME CONSTRAINT session_materials_url_check TO meeting_materials_url_check;
ALTER TABLE meeting_materials RENAME CONSTRAINT session_materials_check TO meeting_materials_check;
ALTER INDEX session_materials_session_idx RENAME TO meeting_materials_meeting_idx;

ALTER TABLE session_reminders RENAME TO meeting_reminders;
ALTER TABLE meeting_reminders RENAME COLUMN session_id TO meeting_id;
ALTER TABLE meeting_reminders RENAME CONSTRAINT session_reminders_pkey TO meeting_reminders_pkey;
ALTER TABLE meeting_reminders RENAME CONSTRAINT session_reminders_session_id_fkey TO meeting_reminders_meeting_id_fkey;
ALTER TABLE meeting_reminders RENAME CONSTRAINT session_reminders_person_id_fkey TO meeting_reminders_person_id_fkey;

-- The reminder job keeps its turn under its new name (jobs/meeting-reminders.ts).
UPDATE job_runs SET name = 'meeting-reminders' WHERE name = 'session-reminders';

-- The audit log's codes for meetings follow, so that one filter finds a
-- meeting's whole history: the events themselves (who, when, what) are kept.
-- 'session' and 'group_session' were two names of the same record type.
UPDATE audit_events SET entity_type = 'meeting' WHERE entity_type IN ('session', 'group_session');
UPDATE audit_events SET action = 'group.schedule_meeting' WHERE action = 'group.schedule_session';
UPDATE audit_events SET action = 'meeting.material_add' WHERE action = 'session.material_add';
UPDATE audit_events SET action = 'meeting.material_remove' WHERE action = 'session.material_remove';
