import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORD_COUNT, commonPasswords, passwordProblem } from './password-policy.ts';
import { summariseUserAgent } from '../session/user-agent.ts';

describe('the password policy (decision 0026)', () => {
  it('knows the 100,000 most common passwords, loaded once', () => {
    const list = commonPasswords();
    // The top-100,000 list holds a few case variants, which the Set keeps once.
    expect(list.size).toBeGreaterThan(COMMON_PASSWORD_COUNT * 0.95);
    expect(list.size).toBeLessThanOrEqual(COMMON_PASSWORD_COUNT);
    expect(commonPasswords()).toBe(list);
    for (const common of ['123456', 'password', 'qwertyuiop', '1qaz2wsx3edc', 'qwerty123456', 'iloveyou']) expect(list.has(common), common).toBe(true);
    // The last entries of the top 100,000 are in, the list after them is not.
    expect(list.has('070162')).toBe(true);
  });

  it('refuses a common password of allowed length, whatever its case', () => {
    expect(passwordProblem('1qaz2wsx3edc', 'ana@example.org')).toEqual({ code: 'PASSWORD_TOO_COMMON' });
    expect(passwordProblem('QWERTY123456', 'ana@example.org')).toEqual({ code: 'PASSWORD_TOO_COMMON' });
    expect(passwordProblem('correct horse battery staple', 'ana@example.org')).toBeNull();
  });

  it('refuses a password containing the email or its part before the @', () => {
    expect(passwordProblem('anna.berg@tartu.ee', 'anna.berg@tartu.ee')).toEqual({ code: 'PASSWORD_CONTAINS_EMAIL' });
    expect(passwordProblem('my name is Anna.Berg, ok?', 'anna.berg@tartu.ee')).toEqual({ code: 'PASSWORD_CONTAINS_EMAIL' });
    // A local part of one or two letters would refuse half the dictionary.
    expect(passwordProblem('just a quiet jogging trail', 'jo@tartu.ee')).toBeNull();
    expect(passwordProblem('a quiet walk by jo@tartu.ee', 'jo@tartu.ee')).toEqual({ code: 'PASSWORD_CONTAINS_EMAIL' });
  });
});

describe('the device a session was opened on', () => {
  it('names the browser and the system', () => {
    expect(summariseUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox on Windows');
    expect(summariseUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15')).toBe('Safari on macOS');
    expect(summariseUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0')).toBe('Edge on Linux');
    expect(summariseUserAgent('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36')).toBe('Chrome on Android');
    expect(summariseUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1')).toBe('Safari on iOS');
    expect(summariseUserAgent('lightMyRequest')).toBeNull();
    expect(summariseUserAgent(null)).toBeNull();
  });
});
