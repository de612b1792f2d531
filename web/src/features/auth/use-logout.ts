import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiVoid } from '@web/app/api-client';
import { forgetSession } from './session';

export function useLogout() {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => apiVoid('/auth/logout', { method: 'POST' }),
    // Even if the server is unreachable, this browser forgets the user.
    onSettled: async () => {
      forgetSession();
      await navigate('/login');
    },
  });
}
