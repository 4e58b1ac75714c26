import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TransferResource } from '@shared/domain/ownership/ownership-transfer';
import { recordKeys, useRecordsHttp } from '../records-http';
import { runTransfer, type TransferProgress } from './transfer-run';

/**
 * Runs a bulk transfer (see `runTransfer`) with its progress; whatever came of it, every query of
 * the resource is read again (the list, and the cards and timelines of the records moved).
 */
export function useOwnershipTransfer(resource: TransferResource) {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<TransferProgress>();
  const mutation = useMutation({
    mutationFn: (input: { ids: readonly string[]; toOwnerId: string }) => runTransfer(http, resource, input, setProgress),
    onSettled: () => queryClient.invalidateQueries({ queryKey: recordKeys.all(resource) }),
  });
  return { ...mutation, progress };
}
