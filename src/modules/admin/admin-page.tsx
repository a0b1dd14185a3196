/**
 * The admin module: users (`users.manage`), roles (read-only, for anyone who
 * may open the module) and the audit log (`audit.read`). A tab is shown only
 * to users who hold its permission; the server checks every call anyway.
 */
import { PERMISSIONS } from '../../core/permissions'
import { useCan } from '../../auth/session-context'
import { PageHeader } from '../../app/page-header'
import { useOffline } from '../../app/offline-banner'
import { AdminTabs, type AdminTab } from './admin-tabs'
import { AuditPanel } from './audit-panel'
import { RolesPanel } from './roles-panel'
import { UsersPanel } from './users-panel'
import './admin.css'

/** The `/admin` route's component. */
export default function AdminPage() {
  const canManage = useCan(PERMISSIONS.usersManage)
  const canAudit = useCan(PERMISSIONS.auditRead)
  const online = !useOffline()

  const tabs: AdminTab[] = []
  if (canManage) {
    tabs.push({ id: 'users', label: 'Users', render: () => <UsersPanel /> })
  }
  if (canAudit) {
    tabs.push({ id: 'audit', label: 'Audit log', render: () => <AuditPanel /> })
  }
  tabs.push({ id: 'roles', label: 'Roles', render: () => <RolesPanel /> })

  return (
    <section className="page admin-page">
      <PageHeader module="admin" />
      {online ? null : (
        <p className="notice" role="status">
          Offline: users and the audit log live on the server, so changes and
          lists need a connection; the roles are shown from this device.
        </p>
      )}
      <AdminTabs tabs={tabs} />
    </section>
  )
}
