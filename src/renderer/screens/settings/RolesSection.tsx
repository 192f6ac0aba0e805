// Roles: the jobs or campaigns outreach is for, with client, family and status.
import { useState } from 'react'
import type { Role } from '../../../shared/contract'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { Field } from '../../components/Field'
import { FormDialog } from '../../components/FormDialog'
import { ErrorNotice } from '../../components/Notices'

const statuses: Role['status'][] = ['open', 'paused', 'filled', 'closed']

export function RolesSection() {
  const [version, setVersion] = useState(0)
  const roles = useQuery(() => api.roles.list({}), [version])
  const [name, setName] = useState('')
  const [client, setClient] = useState('')
  const [family, setFamily] = useState('')
  const reload = () => setVersion((v) => v + 1)

  return (
    <section className="card" aria-labelledby="roles-heading">
      <div className="section-header">
        <h2 id="roles-heading">Roles</h2>
        <FormDialog
          title="Add a role"
          description="A job or campaign your outreach is for. Log messages with its name to track them."
          submitLabel="Add role"
          trigger={
            <button type="button" className="button">
              Add role
            </button>
          }
          onOpen={() => {
            setName('')
            setClient('')
            setFamily('')
          }}
          onSubmit={async () => {
            await api.roles.add({ name, client, family })
            reload()
          }}
        >
          <Field id="role-name" label="Role" value={name} onChange={setName} autoFocus />
          <Field id="role-client" label="Client" value={client} onChange={setClient} />
          <Field
            id="role-family"
            label="Role family"
            value={family}
            onChange={setFamily}
            placeholder="e.g. Engineering"
          />
        </FormDialog>
      </div>
      {roles.state === 'error' && <ErrorNotice error={roles.error} />}
      {roles.state === 'done' && roles.data.length === 0 && <p className="muted">No roles yet.</p>}
      {roles.state === 'done' && roles.data.length > 0 && (
        <table className="table" aria-label="Roles">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Client</th>
              <th scope="col">Family</th>
              <th scope="col" className="num">
                Messages
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {roles.data.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{r.client ?? '—'}</td>
                <td>{r.family ?? '—'}</td>
                <td className="num">{r.messages}</td>
                <td>
                  <select
                    aria-label={`Status of ${r.name}`}
                    value={r.status}
                    onChange={(e) =>
                      void api.roles
                        .update({ roleId: r.id, status: e.target.value as Role['status'] })
                        .then(reload)
                    }
                  >
                    {statuses.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
