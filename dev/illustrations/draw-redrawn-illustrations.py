# Draws the illustrations redrawn for Microsoft's 2026 screens (security-info, choose-authenticator,
# approve-notification, external-keep-account-secure) in nb, nn and en: python3 dev/illustrations/draw-redrawn-illustrations.py
import html, os
ROOT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'public', 'illustrations')
BLUE='#0f6cbd'; INK='#1b1b1b'; GREY='#4b5563'; LINE='#e5e7eb'; MARK='#b45309'
def esc(s): return html.escape(s, quote=True)
def text(x,y,s,size=14,weight=400,fill=INK,anchor='start'):
    return f'<text x="{x}" y="{y}" font-size="{size}" font-weight="{weight}" fill="{fill}" text-anchor="{anchor}">{esc(s)}</text>'
def head(w,h,title,desc):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="title desc" font-family="system-ui, sans-serif">\n'
            f'<title id="title">{esc(title)}</title>\n<desc id="desc">{esc(desc)}</desc>\n<rect width="{w}" height="{h}" fill="#ffffff"/>\n')
def browser(w,h,url,x=10,y=10):
    return (f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10" fill="#ffffff" stroke="#9ca3af" stroke-width="1"/>'
            f'<path d="M{x} {y+10} a10 10 0 0 1 10 -10 h{w-20} a10 10 0 0 1 10 10 v26 h-{w} z" fill="{LINE}"/>'
            f'<circle cx="{x+18}" cy="{y+18}" r="5" fill="#9ca3af"/><circle cx="{x+34}" cy="{y+18}" r="5" fill="#9ca3af"/><circle cx="{x+50}" cy="{y+18}" r="5" fill="#9ca3af"/>'
            f'<rect x="{x+70}" y="{y+7}" width="{w-90}" height="22" rx="11" fill="#ffffff"/>' + text(x+84,y+23,url,12,400,GREY) + '\n')
def button(x,y,w,label,primary=True,marked=False,h=34):
    out=''
    if marked: out+=f'<rect x="{x-5}" y="{y-5}" width="{w+10}" height="{h+10}" rx="8" fill="none" stroke="{MARK}" stroke-width="3"/>'
    fill = BLUE if primary else '#ffffff'; stroke = '' if primary else f' stroke="{GREY}" stroke-width="1"'
    out+=f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="4" fill="{fill}"{stroke}/>'
    out+=text(x+w/2,y+h/2+5,label,14,600,'#ffffff' if primary else INK,'middle')
    return out+'\n'
def authenticator_icon(x,y,s=1):
    return f'<g transform="translate({x} {y}) scale({s})"><path d="M14 0 l14 6 v10 c0 9 -6 15 -14 18 c-8 -3 -14 -9 -14 -18 v-10 z" fill="{BLUE}"/><path d="M8 17 l5 5 l8 -9" fill="none" stroke="#ffffff" stroke-width="2.5"/></g>'
def key_icon(x,y):
    return f'<g transform="translate({x} {y})"><circle cx="7" cy="9" r="6" fill="none" stroke="{GREY}" stroke-width="2"/><path d="M12 12 l12 10 m-4 -3 l3 -3 m-6 0 l3 -3" stroke="{GREY}" stroke-width="2" fill="none"/></g>'

T = {
 'nb': dict(
  si_title='Sikkerhetsinformasjon med knappen Legg til påloggingsmetode',
  si_desc='Siden Sikkerhetsinformasjon på mysignins.microsoft.com. Sikkerhetsinformasjon er valgt i menyen til venstre, og knappen «+ Legg til påloggingsmetode» er markert.',
  mysignins='Mine pålogginger', menu=['Oversikt','Sikkerhetsinformasjon','Enheter','Passord','Organisasjoner','Personvern'],
  si_heading='Sikkerhetsinformasjon', si_sub='Metodene du bruker for å logge på kontoen din.', add='+ Legg til påloggingsmetode', password='Passord', change='Endre',
  ca_title='Velg Microsoft Authenticator når du legger til en påloggingsmetode',
  ca_desc='Dialogboksen for å legge til en påloggingsmetode. Valget «Microsoft Authenticator» er markert. Under står valget «Passnøkkel i Microsoft Authenticator», som ikke er valgt.',
  ca_heading='Legg til en påloggingsmetode', ca_auth='Microsoft Authenticator', ca_auth_sub='Skriv inn et tall i appen for å logge inn',
  ca_passkey='Passnøkkel i Microsoft Authenticator', ca_passkey_sub='Logg inn uten passord', ca_other='Andre metoder', ca_choose='Velg denne',
  an_title='Skriv inn tallet fra nettleseren i Microsoft Authenticator',
  an_desc='Til venstre nettleseren med teksten «Godkjenn påloggingsforespørselen» og tallet 42. Til høyre en telefon med varselet fra Microsoft Authenticator, der tallet 42 er skrevet inn i feltet, og knappene «Nei, det er ikke meg» og «Ja».',
  an_browser='Godkjenn påloggingsforespørselen', an_browser_sub1='Åpne Authenticator-appen, og skriv', an_browser_sub2='inn tallet som vises for å logge på.',
  an_phone_title1='Prøver du å', an_phone_title2='logge på?', an_enter='Skriv inn tallet som vises', an_no='Nei, det er ikke meg', an_yes='Ja',
  ks_title='Hold kontoen din sikker: Microsoft Authenticator',
  ks_desc='Oppsettet «Hold kontoen din sikker» i nettleseren. Siden heter Microsoft Authenticator og ber deg installere appen. Knappen «Neste» er markert.',
  ks_heading='Hold kontoen din sikker', ks_sub='Organisasjonen din krever at du konfigurerer følgende metoder for å bekrefte hvem du er.',
  ks_app='Microsoft Authenticator', ks_l1='Start med å skaffe appen', ks_l2='Installer Microsoft Authenticator på telefonen.', ks_l3='Når du har installert appen, velger du Neste.', ks_next='Neste', ks_other='Jeg vil bruke en annen metode'),
 'nn': dict(
  # Microsoft shows its screens in bokmål, not nynorsk: the drawn screens quote bokmål labels as Microsoft
  # shows them; only the descriptions (title, desc: what a screen reader reads) are nynorsk.
  si_title='Sikkerhetsinformasjon med knappen «Legg til påloggingsmetode»',
  si_desc='Sida Sikkerhetsinformasjon på mysignins.microsoft.com. Sikkerhetsinformasjon er vald i menyen til venstre, og knappen «+ Legg til påloggingsmetode» er merkt.',
  mysignins='Mine pålogginger', menu=['Oversikt','Sikkerhetsinformasjon','Enheter','Passord','Organisasjoner','Personvern'],
  si_heading='Sikkerhetsinformasjon', si_sub='Metodene du bruker for å logge på kontoen din.', add='+ Legg til påloggingsmetode', password='Passord', change='Endre',
  ca_title='Vel Microsoft Authenticator når du legg til ein påloggingsmetode',
  ca_desc='Dialogboksen «Legg til en påloggingsmetode». Valet «Microsoft Authenticator» er merkt. Under står valet «Passnøkkel i Microsoft Authenticator», som ikkje er valt.',
  ca_heading='Legg til en påloggingsmetode', ca_auth='Microsoft Authenticator', ca_auth_sub='Skriv inn et tall i appen for å logge inn',
  ca_passkey='Passnøkkel i Microsoft Authenticator', ca_passkey_sub='Logg inn uten passord', ca_other='Andre metoder', ca_choose='Velg denne',
  an_title='Skriv inn talet frå nettlesaren i Microsoft Authenticator',
  an_desc='Til venstre nettlesaren med teksten «Godkjenn påloggingsforespørselen» og talet 42. Til høgre ein telefon med varselet frå Microsoft Authenticator, der talet 42 er skrive inn i feltet, og knappane «Nei, det er ikke meg» og «Ja».',
  an_browser='Godkjenn påloggingsforespørselen', an_browser_sub1='Åpne Authenticator-appen, og skriv', an_browser_sub2='inn tallet som vises for å logge på.',
  an_phone_title1='Prøver du å', an_phone_title2='logge på?', an_enter='Skriv inn tallet som vises', an_no='Nei, det er ikke meg', an_yes='Ja',
  ks_title='Hold kontoen din sikker: Microsoft Authenticator',
  ks_desc='Oppsettet «Hold kontoen din sikker» i nettlesaren. Sida heiter Microsoft Authenticator og ber deg installere appen. Knappen «Neste» er merkt.',
  ks_heading='Hold kontoen din sikker', ks_sub='Organisasjonen din krever at du konfigurerer følgende metoder for å bekrefte hvem du er.',
  ks_app='Microsoft Authenticator', ks_l1='Start med å skaffe appen', ks_l2='Installer Microsoft Authenticator på telefonen.', ks_l3='Når du har installert appen, velger du Neste.', ks_next='Neste', ks_other='Jeg vil bruke en annen metode'),
 'en': dict(
  si_title='Security info with the Add sign-in method button',
  si_desc='The Security info page on mysignins.microsoft.com. Security info is selected in the menu on the left, and the “+ Add sign-in method” button is highlighted.',
  mysignins='My Sign-Ins', menu=['Overview','Security info','Devices','Password','Organizations','Privacy'],
  si_heading='Security info', si_sub='The methods you use to sign in to your account.', add='+ Add sign-in method', password='Password', change='Change',
  ca_title='Choose Microsoft Authenticator when adding a sign-in method',
  ca_desc='The dialog for adding a sign-in method. The “Microsoft Authenticator” option is highlighted. Below it is the “Passkey in Microsoft Authenticator” option, not selected.',
  ca_heading='Add a sign-in method', ca_auth='Microsoft Authenticator', ca_auth_sub='Type a number in the app to sign in',
  ca_passkey='Passkey in Microsoft Authenticator', ca_passkey_sub='Sign in without a password', ca_other='Other methods', ca_choose='Choose this',
  an_title='Type the number from the browser into Microsoft Authenticator',
  an_desc='On the left, the browser with the text “Approve sign in request” and the number 42. On the right, a phone with the Microsoft Authenticator notification, the number 42 typed into its field, and the buttons “No, it\'s not me” and “Yes”.',
  an_browser='Approve sign in request', an_browser_sub1='Open your Authenticator app, and enter', an_browser_sub2='the number shown to sign in.',
  an_phone_title1='Are you trying', an_phone_title2='to sign in?', an_enter='Enter the number shown', an_no="No, it's not me", an_yes='Yes',
  ks_title='Keep your account secure: Microsoft Authenticator',
  ks_desc='The “Keep your account secure” set-up in the browser. The page is called Microsoft Authenticator and asks you to install the app. The “Next” button is highlighted.',
  ks_heading='Keep your account secure', ks_sub='Your organization requires you to set up the following methods of proving who you are.',
  ks_app='Microsoft Authenticator', ks_l1='Start by getting the app', ks_l2='Install the Microsoft Authenticator app on your phone.', ks_l3='After you install the app, choose Next.', ks_next='Next', ks_other='I want to use a different method'),
}

def security_info(t):
    s=head(640,380,t['si_title'],t['si_desc'])+browser(620,360,'mysignins.microsoft.com/security-info')
    s+=text(30,70,t['mysignins'],15,700)+'\n'+f'<line x1="10" y1="84" x2="630" y2="84" stroke="{LINE}"/>\n'
    s+=f'<rect x="11" y="85" width="226" height="284" fill="#f3f4f6"/>\n'
    for i,item in enumerate(t['menu']):
        y=121+i*40
        if i==1:
            s+=f'<rect x="18" y="{y-21}" width="212" height="32" rx="4" fill="#e8f1fb"/><rect x="18" y="{y-21}" width="4" height="32" rx="2" fill="{BLUE}"/>'
            s+=text(32,y,item,14,700)+'\n'
        else: s+=text(32,y,item,14,400,GREY)+'\n'
    s+=text(256,122,t['si_heading'],22,700)+'\n'+text(256,148,t['si_sub'],13,400,GREY)+'\n'
    s+=button(256,168,270,t['add'],primary=False,marked=True)
    s+=f'<rect x="256" y="226" width="350" height="48" rx="4" fill="#ffffff" stroke="{LINE}" stroke-width="1"/>'
    s+=f'<g transform="translate(272 240)"><rect width="22" height="20" rx="3" fill="none" stroke="{GREY}" stroke-width="2"/><circle cx="7" cy="10" r="2" fill="{GREY}"/><circle cx="15" cy="10" r="2" fill="{GREY}"/></g>'
    s+=text(308,255,t['password'],14,600)+text(590,255,t['change'],14,600,BLUE,'end')+'\n</svg>\n'
    return s

def choose_authenticator(t):
    s=head(640,380,t['ca_title'],t['ca_desc'])+f'<rect x="10" y="10" width="620" height="360" fill="#f3f4f6"/>\n'
    s+=f'<rect x="100" y="30" width="440" height="320" rx="8" fill="#ffffff" stroke="#9ca3af" stroke-width="1"/>\n'
    s+=text(124,68,t['ca_heading'],20,700)+'\n'
    # option 1, marked
    s+=f'<rect x="119" y="89" width="402" height="70" rx="8" fill="none" stroke="{MARK}" stroke-width="3"/>'
    s+=f'<rect x="124" y="94" width="392" height="60" rx="4" fill="#e8f1fb" stroke="{BLUE}" stroke-width="1"/>'
    s+=authenticator_icon(138,107)+text(180,118,t['ca_auth'],15,700)+text(180,140,t['ca_auth_sub'],12,400,GREY)+'\n'
    # option 2
    s+=f'<rect x="124" y="170" width="392" height="60" rx="4" fill="#ffffff" stroke="{LINE}" stroke-width="1"/>'
    s+=key_icon(140,186)+text(180,194,t['ca_passkey'],15,600)+text(180,216,t['ca_passkey_sub'],12,400,GREY)+'\n'
    # option 3
    s+=f'<rect x="124" y="242" width="392" height="44" rx="4" fill="#ffffff" stroke="{LINE}" stroke-width="1"/>'
    s+=text(140,269,t['ca_other'],14,400,GREY)+'\n</svg>\n'
    return s

def approve_notification(t):
    s=head(640,400,t['an_title'],t['an_desc'])+browser(330,300,'login.microsoftonline.com',10,50)
    s+=text(30,120,'OsloMet',16,800)+'\n'+text(30,152,t['an_browser'],14,700)+'\n'
    s+=text(30,178,t['an_browser_sub1'],12,400)+'\n'+text(30,196,t['an_browser_sub2'],12,400)+'\n'
    s+=text(175,270,'42',52,700,INK,'middle')+'\n'
    # arrow
    s+=f'<path d="M350 200 h40 m-10 -8 l10 8 l-10 8" stroke="{MARK}" stroke-width="3" fill="none"/>\n'
    # phone
    s+=f'<rect x="400" y="10" width="230" height="380" rx="22" fill="#1f2937"/><rect x="408" y="24" width="214" height="352" rx="14" fill="{LINE}"/><rect x="495" y="15" width="40" height="5" rx="2.5" fill="{GREY}"/>\n'
    s+=f'<rect x="418" y="70" width="194" height="280" rx="10" fill="#ffffff" stroke="#9ca3af" stroke-width="1"/>\n'
    s+=authenticator_icon(501,84)+'\n'
    s+=text(515,142,t['an_phone_title1'],16,700,INK,'middle')+text(515,162,t['an_phone_title2'],16,700,INK,'middle')+'\n'
    s+=text(515,184,'OsloMet',12,600,GREY,'middle')+'\n'
    s+=text(515,210,t['an_enter'],12,400,INK,'middle')+'\n'
    s+=f'<rect x="463" y="219" width="104" height="42" rx="6" fill="none" stroke="{MARK}" stroke-width="3"/><rect x="468" y="224" width="94" height="32" rx="4" fill="#ffffff" stroke="{GREY}" stroke-width="1"/>'
    s+=text(515,247,'42',18,700,INK,'middle')+'\n'
    s+=f'<rect x="430" y="274" width="170" height="30" rx="4" fill="#ffffff" stroke="{GREY}" stroke-width="1"/>'+text(515,294,t['an_no'],12,600,INK,'middle')+'\n'
    s+=f'<rect x="430" y="310" width="170" height="30" rx="4" fill="{BLUE}"/>'+text(515,330,t['an_yes'],13,600,'#ffffff','middle')+'\n</svg>\n'
    return s

def keep_secure(t):
    s=head(640,380,t['ks_title'],t['ks_desc'])+browser(620,360,'mysignins.microsoft.com/register')
    s+=text(320,86,t['ks_heading'],20,700,INK,'middle')+'\n'
    sub=t['ks_sub']
    # wrap subtitle in two lines at a space near the middle
    words=sub.split(' '); half=len(sub)//2; line1=''; 
    for i,w in enumerate(words):
        if len(line1)+len(w)>half and line1: line2=' '.join(words[i:]); break
        line1=(line1+' '+w).strip()
    else: line2=''
    s+=text(320,110,line1,12,400,GREY,'middle')+text(320,126,line2,12,400,GREY,'middle')+'\n'
    s+=f'<line x1="40" y1="142" x2="600" y2="142" stroke="{LINE}"/>\n'
    s+=text(40,176,t['ks_app'],18,700)+'\n'+authenticator_icon(40,192,1.4)
    s+=text(100,206,t['ks_l1'],14,700)+'\n'+text(100,228,t['ks_l2'],13,400)+'\n'+text(100,250,t['ks_l3'],13,400)+'\n'
    s+=text(40,330,t['ks_other'],13,600,BLUE)+'\n'
    s+=button(490,304,100,t['ks_next'],primary=True,marked=True)+'</svg>\n'
    return s

for loc,t in T.items():
    os.makedirs(f'{ROOT}/{loc}',exist_ok=True)
    for name,fn in [('security-info',security_info),('choose-authenticator',choose_authenticator),('approve-notification',approve_notification),('external-keep-account-secure',keep_secure)]:
        open(f'{ROOT}/{loc}/{name}.svg','w').write(fn(t))
print('ok')
