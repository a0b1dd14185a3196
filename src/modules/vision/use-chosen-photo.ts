/**
 * A photo the user chooses, opened (checked and measured) before it is
 * taken. Choices can overlap — a large photo is still opening when the
 * next is chosen — and only the latest one lands, whichever finishes last.
 */
import { useRef, useState } from 'react'
import { openPhoto, type OpenedPhoto } from './photo-loading'

/** The chosen photo, and how to choose one; `onError` hears refusals. */
export function useChosenPhoto(
  onError: (error: unknown) => void,
  onChoosing: () => void,
): [OpenedPhoto | null, (file: File | undefined) => Promise<void>] {
  const [photo, setPhoto] = useState<OpenedPhoto | null>(null)
  const latest = useRef(0)

  async function choose(file: File | undefined) {
    if (!file) {
      return
    }
    latest.current += 1
    const mine = latest.current
    onChoosing()
    try {
      const next = await openPhoto(file)
      if (mine === latest.current) setPhoto(next)
    } catch (error) {
      if (mine === latest.current) {
        setPhoto(null)
        onError(error)
      }
    }
  }

  return [photo, choose]
}
