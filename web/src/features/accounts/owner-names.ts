import type { UserRef } from '@contract/accounts';

export function ownerNames(owners: readonly UserRef[]): string {
  return owners.map((owner) => owner.name).join(', ');
}
