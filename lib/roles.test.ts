import { describe, expect, it } from 'vitest';
import { hasRole, roleFromGroups } from './roles';

const defaults = { admin: ['admins'], analyst: ['security-analysts'], manager: ['security-managers'] };

describe('roleFromGroups', () => {
  it.each([
    [['users', 'admins'], 'admin'],
    [['users', 'security-analysts'], 'analyst'],
    [['security-managers'], 'manager'],
    [['security-managers', 'security-analysts'], 'analyst'],
    [['Security-Analysts'], 'analyst'],
    [['users', 'data-engineers'], null],
    [[], null],
  ] as const)('%j → %s', (groups, role) => expect(roleFromGroups(groups, defaults)).toBe(role));

  it('follows a configured mapping, several groups per role', () => {
    const custom = { admin: ['platform-admins'], analyst: ['soc', 'blue-team'], manager: ['ciso-office'] };
    expect(roleFromGroups(['blue-team'], custom)).toBe('analyst');
    expect(roleFromGroups(['admins'], custom)).toBeNull();
  });
});

describe('hasRole', () => {
  it('orders manager < analyst < admin', () => {
    expect(hasRole('admin', 'analyst')).toBe(true);
    expect(hasRole('analyst', 'analyst')).toBe(true);
    expect(hasRole('manager', 'analyst')).toBe(false);
    expect(hasRole('analyst', 'admin')).toBe(false);
    expect(hasRole(null, 'manager')).toBe(false);
  });
});
