import { useApp } from '../../app/AppContext';
import { ResourceDrawer } from './ResourceDrawer';
import { useLookups } from './useLookups';

/** A resource's drawer opened from another module (e.g. a listing's matching resources), on top of it. */
export function StandaloneResourceDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { api } = useApp();
  const lookups = useLookups(api);
  return <ResourceDrawer id={id} lookups={lookups} onClose={onClose} onChanged={() => {}} />;
}
