import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { whenScreenSettled } from '../lib/screen-settled';

/** False until the screen around it has shown its data (see whenScreenSettled); `already` skips the wait. */
export function useScreenSettled(already = false): boolean {
  const client = useQueryClient();
  const [settled, setSettled] = useState(already);
  useEffect(() => (settled ? undefined : whenScreenSettled(client, () => setSettled(true))), [client, settled]);
  return settled || already;
}
