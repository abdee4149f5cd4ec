import { useEffect } from 'react';
import { toast, Toaster } from 'sonner';
import { toasterMounted } from '../lib/notify';
import { useTheme } from '../lib/theme';
import './toaster.css';

export default function AppToaster() {
  // Runs after sonner's own effects (children first), so its subscription is in place.
  useEffect(() => toasterMounted(toast), []);
  return <Toaster position="bottom-right" theme={useTheme()} richColors closeButton />;
}
