/**
 * "Install Enclave", shown only while the browser offers installation.
 */
import { install, useCanInstall } from './install-prompt'

/** The Install button in the shell header. */
export function InstallButton() {
  const canInstall = useCanInstall()
  if (!canInstall) {
    return null
  }
  return (
    <button type="button" className="secondary" onClick={() => void install()}>
      Install Enclave
    </button>
  )
}
