import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react'

export type Lang = 'fr' | 'en'

/** One small dictionary per screen: the French text and its English translation, same keys. */
export type Dictionary<K extends string> = { fr: Record<K, string>; en: Record<K, string> }

const LangContext = createContext<{ lang: Lang; setLang(lang: Lang): void }>({
  lang: 'fr',
  setLang: () => {},
})

const stored = (): Lang => (globalThis.localStorage?.getItem('passerelle.lang') === 'en' ? 'en' : 'fr')

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(stored)
  useEffect(() => {
    localStorage.setItem('passerelle.lang', lang)
    document.documentElement.lang = lang
  }, [lang])
  return <LangContext.Provider value={{ lang, setLang }}>{children}</LangContext.Provider>
}

export function useLang() {
  return useContext(LangContext)
}

/** `t('key', { n: 3 })` reads the current language's text and fills its `{n}` placeholders. */
export function useT<K extends string>(dictionary: Dictionary<K>) {
  const { lang } = useLang()
  return useCallback(
    (key: K, vars?: Record<string, string | number>) => {
      const text = dictionary[lang][key]
      return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text
    },
    [dictionary, lang],
  )
}
