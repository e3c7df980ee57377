import { DEFAULT_RETENTION_YEARS, defaultRetentionYears } from '../../../apps/engine/src/history/retention-policy.js';

describe('default retention period', () => {
  it('given no setting, then procedures not listed are kept 10 years', () => {
    expect(defaultRetentionYears({})).toBe(DEFAULT_RETENTION_YEARS);
    expect(DEFAULT_RETENTION_YEARS).toBe(10);
  });

  it('given a number of years or "forever", then that is the default', () => {
    expect(defaultRetentionYears({ ONEDOOR_HISTORY_RETENTION_YEARS: '20' })).toBe(20);
    expect(defaultRetentionYears({ ONEDOOR_HISTORY_RETENTION_YEARS: 'Forever' })).toBeNull();
  });

  it('given something else, then the node refuses it by name instead of dropping history on a guess', () => {
    for (const bad of ['0', '-5', '2.5', 'ten']) {
      expect(() => defaultRetentionYears({ ONEDOOR_HISTORY_RETENTION_YEARS: bad })).toThrow(/ONEDOOR_HISTORY_RETENTION_YEARS/);
    }
  });
});
