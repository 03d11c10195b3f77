export function TodosTab({ tripId }: { tripId: number }) { return <div>{tripId}</div>; }
