/**
 * Which URLs can stand as the source of a curated fact. Search results are full of
 * Wikipedia mirrors, scrapers and staging copies of news sites; these were found in
 * data/curated and replaced, and the build refuses them (and any other mirror-looking
 * "wiki" host) so they do not come back.
 */
const DENIED_HOSTS = new Set(`
age-platform.eu
ahotoronline.com
america250.org
api.politifact.com
archive.europeanmovement.eu
article.wn.com
askwikinow.com
atlasinfo.fr
blekko.com
blogs.eui.eu
bostontimes.org
btw.co
calendarz.com
conservativenewsbriefing.com
dailyegyptian.com
dailytide.com
debianws.lexgopc.com
dev1.politifact.com
en-academic.com
en.apa.az
en.infogalactic.com
en.m.wikinews.org
en.m.wikipedia.org
en.myeurop.info
en.wiki.x.io
en.wikipedia-on-ipfs.org
enacademic.com
enow.com
euro.dayfr.com
europeanconservative.com
europediplomatic.com
factually.co
feeds.bbci.co.uk
file-hippo.netlify.app
forum-penal.dalloz.fr
freeread.causeaction.com
friendlywiki.com
frwiki.academic.ru
gazellepresse.com
gbcs.net
global-en2.nina.az
gong-dev.abacusstudio.hr
goodnames.eth.link
hitchhikersgui.de
hotfreshnewss.com
howlingpixel.com
hqproductreviews.com
idswater.com
ineedintel.com
infodujour.fr
ipese.rs
irishtimes-irishtimes-staging.cdn.arcpublishing.com
kids.kiddle.co
kiwix.lema.org
l.bfmtv.com
lecourrier.vn
leftfootforward.org
lemandatexpress.net
library.kiwix.org
londondaily.com
luke.lol
menanews.info
mondaq.co.uk
movatter.jp
nextcloud.domilabs.xyz
nilmirum.fr
ntlakis.com
on-news.fr
ouillade.eu
paperblog.fr
particle.news
philippe-auzenet.com
pinocchiopedia.com
pixelation.org
plwiki.pl
qualityassurancemag.com
quickfeed.io
ras.mv
repbio.org
research.omicsgroup.org
review.clateway.com
roosterjournal.com
s.gtool.pro
sarcasm.wiki
simple.m.wiki.x.io
simple.m.wikipedia.org
simple.wikipedia.org
statenewsfoundation.org
sustainablefutures.linklaters.com
talk.dob.jp
the-uncensored-wiki.com
thebull.com.au
thepolicyhub.org.uk
theufodatabase.com
toulouse7.com
townhall.com
transform.zgisoft.com
urgentnews.club
visualfoodie.com
western-water.com
wiki-gateway.eudic.net
wiki.gravy.cc
wiki.kidzsearch.com
wiki.studentb.eu
wiki2.org
wikimili.com
wikipediaaudio.com
winenfood.com
worddisk.com
wwsg.com
www.abc.org
www.algerie360.com
www.alipac.us
www.apdnews.com
www.askbiography.com
www.barnesrichardson.com
www.boundless.com
www.challenge.ma
www.dakarposte.com
www.doganpresse.com
www.epicjourney2008.com
www.fedsmith.com
www.firstnorthwestern.com
www.housingworksri.org
www.hubbry.com
www.investopedia.com
www.jagranjosh.com
www.journaldeleconomie.fr
www.knowpia.com
www.leral.net
www.naturalgasintel.com
www.northernsafety.com
www.observatoiredulangage.com
www.planet.fr
www.public-sector.co.uk
www.regreport.info
www.regulationtomorrow.com
www.rehva.eu
www.republicworld.com
www.sangonet.com
www.staging.libe.io
www.theepochtimes.com
www.thefullwiki.org
www.twinkl.co.uk
www.wikiwand.com
`.trim().split('\n'));

/** Why `url` cannot be cited as a source, or undefined when it can. */
export function unfitSource(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return 'not a URL';
  }
  if (!/^https?:$/.test(new URL(url).protocol)) return 'not a web address';
  if (DENIED_HOSTS.has(host)) return `${host} is a mirror, scraper or staging copy, not a source: cite the original`;
  if (/wiki/.test(host) && !/^(?:www\.|[a-z]{2,3}\.)?(wikipedia|wikidata|wikisource|wikimedia)\.org$/.test(host)) {
    return `${host} looks like a copy of Wikipedia: cite the original page (or xx.wikipedia.org)`;
  }
  return undefined;
}
