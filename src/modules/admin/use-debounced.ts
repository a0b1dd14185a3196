/**
 * A value that follows another after a pause, so a search box sends one
 * request when typing stops rather than one per key.
 */
import { useEffect, useState } from 'react'

/** `value`, `delayMs` after it last changed. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return settled
}
