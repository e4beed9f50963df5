-- Days without visits (issue 17): dates a programme manager keeps free of
-- study visits, a programme setting beside the others. The scheduler avoids
-- them as it avoids the hosts' public holidays (decision 0018). Existing
-- programmes start with none.
UPDATE programmes
SET settings = settings || '{"daysWithoutVisits": []}'::jsonb
WHERE NOT (settings ? 'daysWithoutVisits');
