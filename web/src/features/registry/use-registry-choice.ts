import type { RegistryLookup, RegistrySuggestion } from '@contract/registry';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type { AccountFormValues } from '@web/features/accounts/account-form-values';
import { applyValue, differences, fillEmpty, type Proposal, type RegistryField } from './registry-fill';
import { useRegistryLookup } from './use-registry-lookup';

/**
 * The new-company form's link to a register entry: choosing a suggestion looks the company up,
 * fills the empty fields, and keeps the differences with what the user typed for them to accept.
 */
export function useRegistryChoice(form: UseFormReturnType<AccountFormValues>) {
  const lookup = useRegistryLookup();
  const [chosen, setChosen] = useState<RegistryLookup | null>(null);
  const [choosing, setChoosing] = useState<RegistrySuggestion | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<RegistryField>>(new Set());
  const [departments, setDepartments] = useState<string[]>([]);

  const choose = (suggestion: RegistrySuggestion) => {
    setChoosing(suggestion);
    lookup.mutate({ country: suggestion.country, number: suggestion.number }, {
      onSuccess: (found) => {
        setChosen(found);
        setDismissed(new Set());
        setDepartments([]);
        form.setValues(fillEmpty(form.getValues(), found.company));
      },
      onSettled: () => setChoosing(null),
    });
  };

  return {
    chosen,
    choosing,
    error: lookup.error,
    choose,
    differences: chosen ? differences(form.values, chosen.company, dismissed) : [],
    accept: (proposal: Proposal) => form.setValues(applyValue(form.getValues(), proposal.field, proposal.value)),
    keep: (proposal: Proposal) => setDismissed((current) => new Set([...current, proposal.field])),
    unlink: () => {
      setChosen(null);
      setDepartments([]);
    },
    departments,
    setDepartments,
  };
}
