import { type AnchorHTMLAttributes, useEffect, useState } from 'react'

const listeners = new Set<() => void>()

/** Goes to a page of the workspace without reloading it. */
export function navigate(path: string) {
  if (path !== location.pathname + location.search) history.pushState(null, '', path)
  for (const l of listeners) l()
}

/** The current path; re-renders on navigate() and on the browser's back and forward buttons. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname)
  useEffect(() => {
    const update = () => setPath(location.pathname)
    listeners.add(update)
    window.addEventListener('popstate', update)
    return () => {
      listeners.delete(update)
      window.removeEventListener('popstate', update)
    }
  }, [])
  return path
}

/** A link that navigates inside the app (and still opens in a new tab with a modifier key). */
export function Link({
  href,
  onClick,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      href={href}
      {...props}
      onClick={(e) => {
        onClick?.(e)
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
        e.preventDefault()
        navigate(href)
      }}
    />
  )
}
