import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { whenScreenSettled, type SettledOptions } from '../lib/screen-settled';

/** False until the screen around it has shown its data (see whenScreenSettled); `already` skips the wait. */
export function useScreenSettled(already = false, { behindHolds = true }: SettledOptions = {}): boolean {
  const client = useQueryClient();
  const [settled, setSettled] = useState(already);
  useEffect(
    () => (settled ? undefined : whenScreenSettled(client, () => setSettled(true), { behindHolds })),
    [client, settled, behindHolds],
  );
  return settled || already;
}
